package io.gridloop.hotline.simulator;

import com.sun.net.httpserver.HttpExchange;
import io.gridloop.contracts.hotline.EscalationReceipt;
import io.gridloop.contracts.hotline.EscalationReport;
import io.gridloop.contracts.hotline.HotlineSignature;
import io.gridloop.contracts.hotline.OrderPage;
import io.gridloop.contracts.hotline.StatusSync;
import io.gridloop.contracts.hotline.SyncReceipt;
import io.gridloop.contracts.hotline.WorkOrder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.apache.hc.core5.net.WWWFormCodec;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the simulated platform serves, as {@code contracts/openapi/hotline-12345.yaml} says: order polling, status
 * syncs and escalations, each request's signature checked (replays refused) and its body checked against the
 * contract; and its own {@code /sim/*} endpoints (state, faults, outages, orders on demand) behind the admin key.
 */
final class HotlineEndpoints {

    private static final Logger log = LoggerFactory.getLogger(HotlineEndpoints.class);

    private final HotlineSimulator simulator;
    private final byte[] secret;
    private final String adminKey;
    private final Clock clock;
    private final JsonMapper json;
    private final HotlineContract contract = HotlineContract.load();
    private final Faults faults;
    private final Recorded recorded;
    private final AutoAnswers autoAnswers;
    private final ScheduledExecutorService timers;
    /** Nonces of the bridge's requests within the signature window, as the real platform keeps them. */
    private final Map<String, Instant> seenNonces = new ConcurrentHashMap<>();
    private final AtomicLong escalationNumbers = new AtomicLong();
    private volatile boolean acceptUnknownOrders;
    private volatile OrderFactory orderFactory;

    HotlineEndpoints(HotlineSimulator simulator, byte[] secret, String adminKey, Clock clock, JsonMapper json,
                     Faults faults, Recorded recorded, AutoAnswers autoAnswers, ScheduledExecutorService timers) {
        this.simulator = simulator;
        this.secret = secret.clone();
        this.adminKey = adminKey;
        this.clock = clock;
        this.json = json;
        this.faults = faults;
        this.recorded = recorded;
        this.autoAnswers = autoAnswers;
        this.timers = timers;
    }

    void acceptUnknownOrders(boolean accept) {
        this.acceptUnknownOrders = accept;
    }

    void orderFactory(OrderFactory factory) {
        this.orderFactory = factory;
    }

    void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            if (path.startsWith("/sim/")) {
                String key = exchange.getRequestHeaders().getFirst(HotlineSimulator.ADMIN_KEY_HEADER);
                if (key == null || !MessageDigest.isEqual(key.getBytes(StandardCharsets.UTF_8),
                        adminKey.getBytes(StandardCharsets.UTF_8))) {
                    problem(exchange, 401, "SIMULATOR_KEY_REQUIRED",
                            "缺少或错误的模拟器管理密钥 " + HotlineSimulator.ADMIN_KEY_HEADER);
                    return;
                }
                admin(exchange, method, path, body);
                return;
            }
            if (!signedOnce(exchange, method, body)) {
                return;
            }
            HotlineSimulator.pause(faults.latency());
            if (faults.failNow()) {
                problem(exchange, 503, "SIMULATED_OUTAGE", "热线平台繁忙（模拟故障）");
                return;
            }
            String[] parts = path.split("/");
            if (method.equals("GET") && path.equals("/api/v1/orders")) {
                poll(exchange);
            } else if (method.equals("POST") && parts.length == 6 && path.startsWith("/api/v1/orders/")
                    && parts[5].equals("status")) {
                status(exchange, URLDecoder.decode(parts[4], StandardCharsets.UTF_8), body);
            } else if (method.equals("POST") && path.equals("/api/v1/escalations")) {
                escalation(exchange, body);
            } else {
                problem(exchange, 404, "NOT_FOUND", "没有这个接口");
            }
        } catch (RuntimeException e) {
            log.error("simulator failed to answer {}", exchange.getRequestURI(), e);
            problem(exchange, 500, "SIMULATOR_ERROR", e.toString());
        }
    }

    /** Whether the request is signed with the shared secret, and its nonce not seen before; answers 401 if not. */
    private boolean signedOnce(HttpExchange exchange, String method, byte[] body) throws IOException {
        URI uri = exchange.getRequestURI();
        String nonce = exchange.getRequestHeaders().getFirst(HotlineSignature.NONCE_HEADER);
        HotlineSignature.Verdict verdict = HotlineSignature.verify(List.of(secret),
                exchange.getRequestHeaders().getFirst(HotlineSignature.TIMESTAMP_HEADER), nonce,
                exchange.getRequestHeaders().getFirst(HotlineSignature.SIGNATURE_HEADER), method,
                uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()), body,
                clock.instant(), HotlineSignature.DEFAULT_TOLERANCE);
        if (verdict == HotlineSignature.Verdict.VALID && !firstTime(nonce)) {
            verdict = HotlineSignature.Verdict.REPLAYED;
        }
        if (verdict != HotlineSignature.Verdict.VALID) {
            recorded.rejectedSignature();
            problem(exchange, 401, "SIGNATURE_" + verdict, "签名无效");
            return false;
        }
        return true;
    }

    private boolean firstTime(String nonce) {
        Instant now = clock.instant();
        seenNonces.values().removeIf(at -> at.isBefore(now.minus(Duration.ofMinutes(30))));
        return seenNonces.putIfAbsent(nonce, now) == null;
    }

    private void poll(HttpExchange exchange) throws IOException {
        Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
        int after = query.containsKey("after") ? Integer.parseInt(query.get("after")) : 0;
        int limit = Math.min(500, Integer.parseInt(query.getOrDefault("limit", "100")));
        List<WorkOrder> page = recorded.page(after, limit);
        simulator.polled(page.size());
        answer(exchange, 200, new OrderPage(page, page.isEmpty() ? null : String.valueOf(after + page.size())));
    }

    private void status(HttpExchange exchange, String orderNumber, byte[] body) throws IOException {
        JsonNode tree = parse(exchange, body, "StatusSync");
        if (tree == null) {
            return;
        }
        StatusSync sync = json.treeToValue(tree, StatusSync.class);
        if (!orderNumber.equals(sync.orderNumber())) {
            recorded.violation("sync " + sync.syncId() + " posted to order " + orderNumber + " names "
                    + sync.orderNumber());
            problem(exchange, 422, "ORDER_MISMATCH", "工单编号与路径不符");
            return;
        }
        if (!recorded.isIssued(orderNumber)) {
            recorded.syncForUnknownOrder();
            if (!acceptUnknownOrders) {
                problem(exchange, 404, "UNKNOWN_ORDER", "热线平台没有编号为 " + orderNumber + " 的工单");
                return;
            }
        }
        if (faults.refuses(orderNumber)) {
            problem(exchange, 422, "ORDER_CLOSED_ON_HOTLINE", "该工单在热线平台已办结，不接受状态同步（模拟）");
            return;
        }
        Recorded.SyncOutcome outcome = recorded.sync(orderNumber, sync, clock.instant());
        if (outcome == Recorded.SyncOutcome.OUT_OF_SEQUENCE) {
            problem(exchange, 409, "OUT_OF_SEQUENCE", "状态同步顺序错误");
            return;
        }
        if (outcome == Recorded.SyncOutcome.RECORDED) {
            autoAnswers.after(sync);
        }
        hangMaybe();
        answer(exchange, 200, new SyncReceipt(sync.syncId(), outcome == Recorded.SyncOutcome.DUPLICATE));
    }

    private void escalation(HttpExchange exchange, byte[] body) throws IOException {
        JsonNode tree = parse(exchange, body, "EscalationReport");
        if (tree == null) {
            return;
        }
        EscalationReport report = json.treeToValue(tree, EscalationReport.class);
        String number = recorded.escalation(report, () -> "SJ"
                + clock.instant().toString().substring(0, 10).replace("-", "")
                + String.format("%06d", escalationNumbers.incrementAndGet()));
        hangMaybe();
        answer(exchange, 201, new EscalationReceipt(report.reportId(), number));
    }

    /** The body as JSON that keeps the contract's schema; otherwise a violation recorded and answered. */
    private JsonNode parse(HttpExchange exchange, byte[] body, String schema) throws IOException {
        JsonNode tree;
        try {
            tree = json.readTree(body);
        } catch (JacksonException e) {
            recorded.violation(schema + " is not JSON: " + e.getOriginalMessage());
            problem(exchange, 400, "NOT_JSON", "请求体不是 JSON");
            return null;
        }
        List<String> broken = contract.violations(schema, tree);
        if (!broken.isEmpty()) {
            recorded.violation(schema + " breaks the contract: " + broken);
            problem(exchange, 422, "CONTRACT_VIOLATION", String.join("; ", broken));
            return null;
        }
        return tree;
    }

    private void hangMaybe() {
        if (faults.hangNow()) {
            // Processed, but the caller gives up waiting: it must send again, and must not be counted twice.
            HotlineSimulator.pause(faults.hang());
        }
    }

    private void admin(HttpExchange exchange, String method, String path, byte[] body) throws IOException {
        switch (method + " " + path) {
            case "GET /sim/state" -> answer(exchange, 200, simulator.summary());
            case "POST /sim/faults" -> {
                JsonNode f = json.readTree(body);
                faults.clear()
                        .latency(Duration.ofMillis(f.path("latencyMs").asLong(0)))
                        .errorRate(f.path("errorRate").asDouble(0))
                        .hangs(f.path("hangRate").asDouble(0), Duration.ofMillis(f.path("hangMs").asLong(10_000)))
                        .duplicateDeliveries(f.path("duplicateDeliveries").asBoolean(false))
                        .outOfOrderCallbacks(f.path("outOfOrderCallbacks").asBoolean(false));
                answer(exchange, 200, simulator.summary());
            }
            case "POST /sim/down" -> {
                long seconds = Long.parseLong(query(exchange.getRequestURI().getRawQuery())
                        .getOrDefault("seconds", "60"));
                answer(exchange, 202, Map.of("downForSeconds", seconds));
                timers.schedule(simulator::down, 100, TimeUnit.MILLISECONDS);
                timers.schedule(simulator::up, seconds * 1000 + 100, TimeUnit.MILLISECONDS);
            }
            case "POST /sim/orders" -> {
                OrderFactory factory = orderFactory;
                if (factory == null) {
                    problem(exchange, 409, "NO_ORDER_FACTORY", "模拟器未配置工单生成");
                    return;
                }
                int count = Integer.parseInt(query(exchange.getRequestURI().getRawQuery())
                        .getOrDefault("count", "1"));
                List<Integer> statuses = new ArrayList<>();
                for (int i = 0; i < Math.min(count, 1_000); i++) {
                    statuses.add(simulator.pushOrder(factory.next(clock.instant())).status());
                }
                answer(exchange, 200, Map.of("statuses", statuses));
            }
            default -> problem(exchange, 404, "NOT_FOUND", "没有这个接口");
        }
    }

    private void answer(HttpExchange exchange, int status, Object body) throws IOException {
        write(exchange, status, "application/json", json.writeValueAsBytes(body));
    }

    private void problem(HttpExchange exchange, int status, String code, String title) throws IOException {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", title);
        problem.put("status", status);
        problem.put("code", code);
        write(exchange, status, "application/problem+json", json.writeValueAsBytes(problem));
    }

    private static void write(HttpExchange exchange, int status, String type, byte[] bytes) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type + ";charset=UTF-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** A query string's parameters (the last of a repeated one), decoded. */
    private static Map<String, String> query(String raw) {
        Map<String, String> params = new HashMap<>();
        if (raw != null) {
            WWWFormCodec.parse(raw, StandardCharsets.UTF_8).stream().filter(p -> p.getValue() != null)
                    .forEach(p -> params.put(p.getName(), p.getValue()));
        }
        return params;
    }
}
