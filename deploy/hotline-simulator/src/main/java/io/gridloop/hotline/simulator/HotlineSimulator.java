package io.gridloop.hotline.simulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.gridloop.contracts.EventCodec;
import io.gridloop.contracts.event.VisitResolution;
import io.gridloop.contracts.event.VisitSatisfaction;
import io.gridloop.contracts.hotline.EscalationReceipt;
import io.gridloop.contracts.hotline.EscalationReport;
import io.gridloop.contracts.hotline.ExtensionDecision;
import io.gridloop.contracts.hotline.HotlineSignature;
import io.gridloop.contracts.hotline.OrderPage;
import io.gridloop.contracts.hotline.ReturnVisit;
import io.gridloop.contracts.hotline.StatusSync;
import io.gridloop.contracts.hotline.SyncReceipt;
import io.gridloop.contracts.hotline.SyncStatus;
import io.gridloop.contracts.hotline.WorkOrder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A stand-in for the city's 12345 platform: the hotline side of {@code contracts/openapi/hotline-12345.yaml}.
 *
 * <p>It serves what the bridge calls — status syncs, escalations (上报12345派单) and order polling — checking
 * each request's signature and body against the contract, recording syncs once per {@code syncId} and flagging
 * any that arrive out of sequence, and refusing (404) syncs for order numbers it never issued. It makes the calls
 * the bridge serves: pushing orders, posting return visits (回访) — automatically after an order's 办结反馈 if
 * asked to — and answering extension requests (延期审核), automatically after a 延期申请 if asked to. {@link #faults()} makes it misbehave on demand, and
 * {@link #down()}/{@link #up()} take it off the network altogether.
 */
public final class HotlineSimulator implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(HotlineSimulator.class);

    /** A sync as the simulator recorded it. */
    public record ReceivedSync(StatusSync sync, Instant receivedAt) {
    }

    /** What the bridge answered to something the simulator sent. */
    public record Delivery(int status, String body) {
        public boolean accepted() {
            return status >= 200 && status < 300;
        }
    }

    /** Counters for a test's or an operator's overview. */
    public record Summary(int ordersSent, int syncsRecorded, int duplicateSyncs, int escalations, int visitsSent,
                          int extensionDecisionsSent, int syncsForUnknownOrders, int rejectedSignatures,
                          List<String> violations, boolean up, String faults) {
    }

    private final byte[] secret;
    private final Clock clock;
    private final EventCodec codec = new EventCodec();
    private final JsonMapper json = codec.mapper();
    private final HotlineContract contract = HotlineContract.load();
    private final Faults faults;
    private final Random random;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ExecutorService handlers = Executors.newVirtualThreadPerTaskExecutor();
    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "hotline-simulator-timer");
        t.setDaemon(true);
        return t;
    });

    private final Object lock = new Object();
    private final Map<String, List<ReceivedSync>> syncsByOrder = new LinkedHashMap<>();
    private final Map<String, Integer> lastSequence = new HashMap<>();
    private final Map<String, String> orderOfSync = new HashMap<>();
    private final Map<String, String> orderOfEscalation = new LinkedHashMap<>();
    private final Map<String, EscalationReport> escalations = new LinkedHashMap<>();
    private final List<WorkOrder> pollable = new ArrayList<>();
    /** Every order number this platform gave out: pushed, offered for polling, or opened for an escalation. */
    private final java.util.Set<String> issued = new java.util.HashSet<>();
    private final List<String> violations = new ArrayList<>();
    private final List<Map.Entry<String, ReturnVisit>> heldVisits = new ArrayList<>();
    private final AtomicInteger ordersSent = new AtomicInteger();
    private final AtomicInteger duplicateSyncs = new AtomicInteger();
    private final AtomicInteger visitsSent = new AtomicInteger();
    private final AtomicInteger extensionDecisionsSent = new AtomicInteger();
    private final AtomicInteger syncsForUnknownOrders = new AtomicInteger();
    private final AtomicInteger rejectedSignatures = new AtomicInteger();
    /** Nonces of the bridge's requests within the signature window, as the real platform keeps them. */
    private final Map<String, Instant> seenNonces = new java.util.concurrent.ConcurrentHashMap<>();
    private final AtomicLong escalationNumbers = new AtomicLong();

    private final AtomicLong visitNumbers = new AtomicLong();
    /**
     * What its own endpoints ({@code /sim/*}: state, faults, outages, orders on demand) ask for in
     * {@value #ADMIN_KEY_HEADER}: made at start and printed, so only whoever started it can make it misbehave.
     */
    private final String adminKey = java.util.UUID.randomUUID().toString().replace("-", "");
    public static final String ADMIN_KEY_HEADER = "X-Simulator-Key";
    private volatile int port;
    private volatile HttpServer server;
    private volatile String bridgeUrl;
    private volatile Duration autoVisitDelay;
    private volatile Duration autoExtensionDelay;
    private volatile boolean grantExtensions = true;
    private volatile boolean acceptUnknownOrders;
    private volatile OrderFactory orderFactory;

    private HotlineSimulator(byte[] secret, long seed, Clock clock) {
        this.secret = secret.clone();
        this.clock = clock;
        this.random = new Random(seed);
        this.faults = new Faults(new Random(seed + 1));
    }

    /**
     * Starts a simulator on {@code port} (0: any free port) that signs and checks requests with {@code secret}.
     */
    public static HotlineSimulator start(int port, String secret, long seed) {
        HotlineSimulator simulator = new HotlineSimulator(secret.getBytes(StandardCharsets.UTF_8), seed,
                Clock.systemUTC());
        simulator.server = simulator.listen(port);
        // Kept, so up() after down() listens where the bridge is configured to call.
        simulator.port = simulator.server.getAddress().getPort();
        log.info("12345 hotline simulator listening on {}", simulator.baseUrl());
        return simulator;
    }

    private HttpServer listen(int onPort) {
        try {
            HttpServer s = HttpServer.create(new InetSocketAddress("localhost", onPort), 64);
            s.createContext("/", this::handle);
            s.setExecutor(handlers);
            s.start();
            return s;
        } catch (IOException e) {
            throw new IllegalStateException("cannot listen on port " + onPort, e);
        }
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    /** The key {@code /sim/*} requests carry in {@value #ADMIN_KEY_HEADER}. */
    public String adminKey() {
        return adminKey;
    }

    public int port() {
        return port;
    }

    public Faults faults() {
        return faults;
    }

    /** Where the bridge listens, for pushing orders and visits. */
    public HotlineSimulator bridgeUrl(String url) {
        this.bridgeUrl = url;
        return this;
    }

    /** Post a return visit this long after an order's 办结反馈 arrives; {@code null}: never. */
    public HotlineSimulator autoVisits(Duration delay) {
        this.autoVisitDelay = delay;
        return this;
    }

    /**
     * Answer each 延期申请 this long after it arrives ({@code null}: never): granted with a deadline the requested
     * number of days later, or refused, as {@code grant} says.
     */
    public HotlineSimulator autoExtensionDecisions(Duration delay, boolean grant) {
        this.autoExtensionDelay = delay;
        this.grantExtensions = grant;
        return this;
    }

    /**
     * Take syncs also for order numbers this simulator did not issue. It keeps nothing between runs, so beside a
     * bridge whose database holds orders from an earlier run (the local stack keeps its data) it cannot tell
     * those from orders nobody issued; such syncs are then taken and counted
     * ({@link Summary#syncsForUnknownOrders}) instead of refused with 404.
     */
    public HotlineSimulator acceptUnknownOrders(boolean accept) {
        this.acceptUnknownOrders = accept;
        return this;
    }

    /** Orders for {@code POST /sim/orders} (the local stack's demo traffic). */
    public HotlineSimulator orderFactory(OrderFactory factory) {
        this.orderFactory = factory;
        return this;
    }

    /** Off the network: connections are refused until {@link #up()}. What was recorded stays. */
    public void down() {
        HttpServer s = server;
        if (s != null) {
            server = null;
            s.stop(0);
            log.warn("12345 hotline simulator is DOWN");
        }
    }

    public void up() {
        if (server == null) {
            server = listen(port);
            log.warn("12345 hotline simulator is UP again on {}", baseUrl());
        }
    }

    public boolean isUp() {
        return server != null;
    }

    // ---- what the simulator sends ----

    /** Pushes an order to the bridge once (twice under {@link Faults#duplicateDeliveries}). */
    public Delivery pushOrder(WorkOrder order) {
        ordersSent.incrementAndGet();
        synchronized (lock) {
            issued.add(order.orderNumber());
        }
        Delivery first = send("/api/v1/hotline/orders", order);
        if (faults.duplicateDeliveries()) {
            send("/api/v1/hotline/orders", order);
        }
        return first;
    }

    /** Pushes an order until the bridge accepts it, as the real platform's retry queue does. */
    public Delivery pushOrderUntilAccepted(WorkOrder order, int attempts, Duration pause) {
        Delivery last = null;
        for (int i = 0; i < attempts; i++) {
            last = pushOrder(order);
            if (last.accepted()) {
                return last;
            }
            pause(pause);
        }
        return last;
    }

    /** Order numbers this platform gave out some other way (a test's own orders): syncs for them are taken. */
    void issued(String... orderNumbers) {
        synchronized (lock) {
            issued.addAll(List.of(orderNumbers));
        }
    }

    /** Offers an order to bridges that poll ({@code GET /api/v1/orders}). */
    public void offerForPolling(WorkOrder order) {
        synchronized (lock) {
            pollable.add(order);
            issued.add(order.orderNumber());
        }
    }

    /** Posts the hotline's answer to an extension request of an order (延期审核). */
    public Delivery postExtensionDecision(String orderNumber, ExtensionDecision decision) {
        extensionDecisionsSent.incrementAndGet();
        String path = "/api/v1/hotline/orders/" + orderNumber + "/extension-decisions";
        Delivery first = send(path, decision);
        if (faults.duplicateDeliveries()) {
            send(path, decision);
        }
        return first;
    }

    public Delivery postVisit(String orderNumber, ReturnVisit visit) {
        visitsSent.incrementAndGet();
        String path = "/api/v1/hotline/orders/" + orderNumber + "/visits";
        Delivery first = send(path, visit);
        if (faults.duplicateDeliveries()) {
            send(path, visit);
        }
        return first;
    }

    private Delivery send(String path, Object body) {
        String target = bridgeUrl;
        if (target == null) {
            throw new IllegalStateException("no bridge URL set");
        }
        byte[] bytes = json.writeValueAsBytes(body);
        URI uri = URI.create(target + path);
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes));
        HotlineSignature.headers(secret, clock.instant(), "POST",
                uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()), bytes)
                .forEach(builder::header);
        HttpRequest request = builder.build();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            return new Delivery(response.statusCode(), response.body());
        } catch (IOException e) {
            return new Delivery(0, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Delivery(0, "interrupted");
        }
    }

    // ---- what the simulator recorded ----

    /** The syncs recorded for an order, once each, in the order they arrived. */
    public List<StatusSync> syncsOf(String orderNumber) {
        synchronized (lock) {
            return syncsByOrder.getOrDefault(orderNumber, List.of()).stream().map(ReceivedSync::sync).toList();
        }
    }

    /** Escalations received, by report id, with the order number the simulator gave each. */
    public Map<String, String> escalationOrders() {
        synchronized (lock) {
            return Map.copyOf(orderOfEscalation);
        }
    }

    public List<EscalationReport> escalations() {
        synchronized (lock) {
            return List.copyOf(escalations.values());
        }
    }

    /** Syncs delivered again after they were recorded (answered, not recorded twice). */
    public int duplicateSyncs() {
        return duplicateSyncs.get();
    }

    /** Requests that broke the contract or arrived out of sequence. A correct bridge leaves this empty. */
    public List<String> violations() {
        synchronized (lock) {
            return List.copyOf(violations);
        }
    }

    public Summary summary() {
        synchronized (lock) {
            int recorded = syncsByOrder.values().stream().mapToInt(List::size).sum();
            return new Summary(ordersSent.get(), recorded, duplicateSyncs.get(), escalations.size(),
                    visitsSent.get(), extensionDecisionsSent.get(), syncsForUnknownOrders.get(),
                    rejectedSignatures.get(), List.copyOf(violations), isUp(), faults.toString());
        }
    }

    // ---- what the simulator serves ----

    private boolean firstTime(String nonce) {
        Instant now = clock.instant();
        seenNonces.values().removeIf(at -> at.isBefore(now.minus(Duration.ofMinutes(30))));
        return seenNonces.putIfAbsent(nonce, now) == null;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            if (path.startsWith("/sim/")) {
                String key = exchange.getRequestHeaders().getFirst(ADMIN_KEY_HEADER);
                if (key == null || !java.security.MessageDigest.isEqual(key.getBytes(StandardCharsets.UTF_8),
                        adminKey.getBytes(StandardCharsets.UTF_8))) {
                    problem(exchange, 401, "SIMULATOR_KEY_REQUIRED", "缺少或错误的模拟器管理密钥 " + ADMIN_KEY_HEADER);
                    return;
                }
                admin(exchange, method, path, body);
                return;
            }
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
                rejectedSignatures.incrementAndGet();
                problem(exchange, 401, "SIGNATURE_" + verdict, "签名无效");
                return;
            }
            pause(faults.latency());
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

    private void poll(HttpExchange exchange) throws IOException {
        Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
        int after = query.containsKey("after") ? Integer.parseInt(query.get("after")) : 0;
        int limit = Math.min(500, Integer.parseInt(query.getOrDefault("limit", "100")));
        List<WorkOrder> page;
        synchronized (lock) {
            page = List.copyOf(pollable.subList(Math.min(after, pollable.size()),
                    Math.min(after + limit, pollable.size())));
        }
        ordersSent.addAndGet(page.size());
        answer(exchange, 200, new OrderPage(page, page.isEmpty() ? null : String.valueOf(after + page.size())));
    }

    private void status(HttpExchange exchange, String orderNumber, byte[] body) throws IOException {
        JsonNode tree = parse(exchange, body, "StatusSync");
        if (tree == null) {
            return;
        }
        StatusSync sync = json.treeToValue(tree, StatusSync.class);
        if (!orderNumber.equals(sync.orderNumber())) {
            violation("sync " + sync.syncId() + " posted to order " + orderNumber + " names " + sync.orderNumber());
            problem(exchange, 422, "ORDER_MISMATCH", "工单编号与路径不符");
            return;
        }
        boolean known;
        synchronized (lock) {
            known = issued.contains(orderNumber);
        }
        if (!known) {
            syncsForUnknownOrders.incrementAndGet();
            if (!acceptUnknownOrders) {
                problem(exchange, 404, "UNKNOWN_ORDER", "热线平台没有编号为 " + orderNumber + " 的工单");
                return;
            }
        }
        if (faults.refuses(orderNumber)) {
            problem(exchange, 422, "ORDER_CLOSED_ON_HOTLINE", "该工单在热线平台已办结，不接受状态同步（模拟）");
            return;
        }
        boolean duplicate;
        synchronized (lock) {
            duplicate = orderOfSync.containsKey(sync.syncId());
            if (duplicate) {
                duplicateSyncs.incrementAndGet();
            } else {
                int last = lastSequence.getOrDefault(orderNumber, 0);
                if (sync.sequence() <= last) {
                    violation("sync " + sync.syncId() + " of order " + orderNumber + " has sequence "
                            + sync.sequence() + " after " + last);
                    problem(exchange, 409, "OUT_OF_SEQUENCE", "状态同步顺序错误");
                    return;
                }
                lastSequence.put(orderNumber, sync.sequence());
                orderOfSync.put(sync.syncId(), orderNumber);
                syncsByOrder.computeIfAbsent(orderNumber, k -> new ArrayList<>())
                        .add(new ReceivedSync(sync, clock.instant()));
            }
        }
        if (!duplicate && sync.status() == SyncStatus.REPLIED) {
            scheduleVisit(orderNumber);
        }
        if (!duplicate && sync.status() == SyncStatus.EXTENSION_REQUESTED) {
            scheduleExtensionDecision(sync);
        }
        hangMaybe();
        answer(exchange, 200, new SyncReceipt(sync.syncId(), duplicate));
    }

    private void escalation(HttpExchange exchange, byte[] body) throws IOException {
        JsonNode tree = parse(exchange, body, "EscalationReport");
        if (tree == null) {
            return;
        }
        EscalationReport report = json.treeToValue(tree, EscalationReport.class);
        String number;
        synchronized (lock) {
            number = orderOfEscalation.computeIfAbsent(report.reportId(), id -> "SJ"
                    + clock.instant().toString().substring(0, 10).replace("-", "")
                    + String.format("%06d", escalationNumbers.incrementAndGet()));
            issued.add(number);
            escalations.putIfAbsent(report.reportId(), report);
        }
        hangMaybe();
        answer(exchange, 201, new EscalationReceipt(report.reportId(), number));
    }

    private JsonNode parse(HttpExchange exchange, byte[] body, String schema) throws IOException {
        JsonNode tree;
        try {
            tree = json.readTree(body);
        } catch (JacksonException e) {
            violation(schema + " is not JSON: " + e.getOriginalMessage());
            problem(exchange, 400, "NOT_JSON", "请求体不是 JSON");
            return null;
        }
        List<String> broken = contract.violations(schema, tree);
        if (!broken.isEmpty()) {
            violation(schema + " breaks the contract: " + broken);
            problem(exchange, 422, "CONTRACT_VIOLATION", String.join("; ", broken));
            return null;
        }
        return tree;
    }

    private void hangMaybe() {
        if (faults.hangNow()) {
            // Processed, but the caller gives up waiting: it must send again, and must not be counted twice.
            pause(faults.hang());
        }
    }

    private void scheduleVisit(String orderNumber) {
        Duration delay = autoVisitDelay;
        if (delay == null || bridgeUrl == null) {
            return;
        }
        ReturnVisit visit = randomVisit(orderNumber);
        if (faults.outOfOrderCallbacks()) {
            // Held back and released newest first, three at a time.
            List<Map.Entry<String, ReturnVisit>> release = new ArrayList<>();
            synchronized (lock) {
                heldVisits.add(Map.entry(orderNumber, visit));
                if (heldVisits.size() >= 3) {
                    release.addAll(heldVisits);
                    heldVisits.clear();
                }
            }
            Collections.reverse(release);
            release.forEach(v -> timers.schedule(() -> postVisit(v.getKey(), v.getValue()), delay.toMillis(),
                    TimeUnit.MILLISECONDS));
            return;
        }
        timers.schedule(() -> {
            Delivery d = postVisit(orderNumber, visit);
            if (!d.accepted()) {
                log.warn("return visit for order {} not accepted: {} {}", orderNumber, d.status(), d.body());
            }
        }, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void scheduleExtensionDecision(StatusSync request) {
        Duration delay = autoExtensionDelay;
        if (delay == null || bridgeUrl == null) {
            return;
        }
        int days = request.extensionWorkingDays() == null ? 3 : request.extensionWorkingDays();
        boolean grant = grantExtensions;
        // The hotline sets its own deadline: here the requested number of days, counted on the calendar.
        ExtensionDecision decision = new ExtensionDecision("YQ-" + request.syncId(), request.sequence(), grant,
                grant ? request.dueAt().plus(Duration.ofDays(days)) : null,
                grant ? "同意延期" + days + "天" : "该诉求群众反映强烈，不同意延期，请按原时限办结", clock.instant());
        timers.schedule(() -> {
            Delivery d = postExtensionDecision(request.orderNumber(), decision);
            if (!d.accepted()) {
                log.warn("extension decision for order {} not accepted: {} {}", request.orderNumber(), d.status(),
                        d.body());
            }
        }, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Mostly 解决/满意, as hotlines report; now and then partly or not at all. */
    private ReturnVisit randomVisit(String orderNumber) {
        double r;
        synchronized (random) {
            r = random.nextDouble();
        }
        VisitResolution resolution = r < 0.8 ? VisitResolution.RESOLVED
                : r < 0.93 ? VisitResolution.PARTLY_RESOLVED : VisitResolution.UNRESOLVED;
        VisitSatisfaction satisfaction = r < 0.65 ? VisitSatisfaction.SATISFIED
                : r < 0.85 ? VisitSatisfaction.BASICALLY_SATISFIED
                : r < 0.93 ? VisitSatisfaction.NOT_RATED : VisitSatisfaction.UNSATISFIED;
        return new ReturnVisit("HF-" + orderNumber + "-" + visitNumbers.incrementAndGet(), resolution, satisfaction, satisfaction == VisitSatisfaction.UNSATISFIED ? "问题还在，没人来处理" : "已处理",
                "agent-" + (1 + (int) (r * 40)), clock.instant());
    }

    private void admin(HttpExchange exchange, String method, String path, byte[] body) throws IOException {
        switch (method + " " + path) {
            case "GET /sim/state" -> answer(exchange, 200, summary());
            case "POST /sim/faults" -> {
                JsonNode f = json.readTree(body);
                faults.clear()
                        .latency(Duration.ofMillis(f.path("latencyMs").asLong(0)))
                        .errorRate(f.path("errorRate").asDouble(0))
                        .hangs(f.path("hangRate").asDouble(0), Duration.ofMillis(f.path("hangMs").asLong(10_000)))
                        .duplicateDeliveries(f.path("duplicateDeliveries").asBoolean(false))
                        .outOfOrderCallbacks(f.path("outOfOrderCallbacks").asBoolean(false));
                answer(exchange, 200, summary());
            }
            case "POST /sim/down" -> {
                long seconds = Long.parseLong(query(exchange.getRequestURI().getRawQuery())
                        .getOrDefault("seconds", "60"));
                answer(exchange, 202, Map.of("downForSeconds", seconds));
                timers.schedule(this::down, 100, TimeUnit.MILLISECONDS);
                timers.schedule(this::up, seconds * 1000 + 100, TimeUnit.MILLISECONDS);
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
                    statuses.add(pushOrder(factory.next(clock.instant())).status());
                }
                answer(exchange, 200, Map.of("statuses", statuses));
            }
            default -> problem(exchange, 404, "NOT_FOUND", "没有这个接口");
        }
    }

    private void violation(String what) {
        log.error("12345 contract violation: {}", what);
        synchronized (lock) {
            violations.add(what);
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

    private static Map<String, String> query(String raw) {
        Map<String, String> params = new HashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return params;
    }

    /** Injected slowness: waiting is the fault the caller asked for (latency, answers after its timeout). */
    private static void pause(Duration d) {
        if (d.isZero() || d.isNegative()) {
            return;
        }
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        down();
        timers.shutdownNow();
        handlers.shutdownNow();
        client.close();
    }
}
