package io.gridloop.hotline.simulator;

import com.sun.net.httpserver.HttpServer;
import io.gridloop.contracts.EventCodec;
import io.gridloop.contracts.event.VisitResolution;
import io.gridloop.contracts.event.VisitSatisfaction;
import io.gridloop.contracts.hotline.EscalationReport;
import io.gridloop.contracts.hotline.HotlineSignature;
import io.gridloop.contracts.hotline.ReturnVisit;
import io.gridloop.contracts.hotline.StatusSync;
import io.gridloop.contracts.hotline.SyncStatus;
import io.gridloop.contracts.hotline.WorkOrder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class HotlineSimulatorTest {

    private static final String SECRET = "test-secret";
    private final JsonMapper json = new EventCodec().mapper();
    private final HttpClient client = HttpClient.newHttpClient();
    private final HotlineSimulator simulator = HotlineSimulator.start(0, SECRET, 7);

    @BeforeEach
    void ordersTheseTestsSyncTo() {
        simulator.issued("GD0001", "GD0002", "GD0003", "GD0004", "GD0005", "GD-A", "GD-B", "GD-C");
    }

    @Test
    void shouldRefuseSyncsForOrdersItNeverIssuedUnlessToldToAcceptThem() throws Exception {
        assertThat(call("POST", "/api/v1/orders/GD9999/status", sync("GD9999", 1, SyncStatus.ACCEPTED), SECRET)
                .statusCode()).isEqualTo(404);
        assertThat(simulator.syncsOf("GD9999")).isEmpty();
        simulator.acceptUnknownOrders(true);
        assertThat(call("POST", "/api/v1/orders/GD9999/status", sync("GD9999", 1, SyncStatus.ACCEPTED), SECRET)
                .statusCode()).isEqualTo(200);
        assertThat(simulator.summary().syncsForUnknownOrders()).isEqualTo(2);
        assertThat(simulator.violations()).isEmpty();
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    private HttpResponse<String> call(String method, String path, Object body, String secret) throws Exception {
        byte[] bytes = body == null ? new byte[0] : json.writeValueAsBytes(body);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(simulator.baseUrl() + path))
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofByteArray(bytes));
        HotlineSignature.headers(secret.getBytes(StandardCharsets.UTF_8), Instant.now(), method, path, bytes)
                .forEach(request::header);
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static StatusSync sync(String order, int sequence, SyncStatus status) {
        return new StatusSync(order + "-" + sequence, order, sequence, status, status.label(), "已处理", null,
                "赛罕区网格中心", Instant.parse("2026-11-30T00:00:00Z"), null, Instant.parse("2026-11-23T08:00:00Z"));
    }

    @Test
    void shouldRecordEachSyncOnceAndRefuseOneOutOfSequence() throws Exception {
        assertThat(call("POST", "/api/v1/orders/GD0001/status", sync("GD0001", 3, SyncStatus.ACCEPTED), SECRET)
                .statusCode()).isEqualTo(200);
        HttpResponse<String> again = call("POST", "/api/v1/orders/GD0001/status",
                sync("GD0001", 3, SyncStatus.ACCEPTED), SECRET);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(json.readTree(again.body()).get("duplicate").asBoolean()).isTrue();

        HttpResponse<String> older = call("POST", "/api/v1/orders/GD0001/status",
                sync("GD0001", 2, SyncStatus.IN_PROGRESS), SECRET);

        assertThat(older.statusCode()).isEqualTo(409);
        assertThat(simulator.syncsOf("GD0001")).extracting(StatusSync::sequence).containsExactly(3);
        assertThat(simulator.duplicateSyncs()).isEqualTo(1);
        assertThat(simulator.violations()).singleElement().asString().contains("sequence 2 after 3");
    }

    @Test
    void shouldRefuseUnsignedRequestsAndBodiesThatBreakTheContract() throws Exception {
        assertThat(call("POST", "/api/v1/orders/GD0002/status", sync("GD0002", 1, SyncStatus.ACCEPTED), "wrong")
                .statusCode()).isEqualTo(401);

        StatusSync noStatus = new StatusSync("c2-1", "GD0002", 1, null, "签收受理", null, null, null, null, null,
                Instant.now());
        HttpResponse<String> broken = call("POST", "/api/v1/orders/GD0002/status", noStatus, SECRET);

        assertThat(broken.statusCode()).isEqualTo(422);
        assertThat(broken.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(simulator.syncsOf("GD0002")).isEmpty();
        assertThat(simulator.summary().rejectedSignatures()).isEqualTo(1);
        assertThat(simulator.violations()).singleElement().asString().contains("status");
    }

    @Test
    void shouldGiveOneOrderNumberPerEscalationHoweverOftenItIsSent() throws Exception {
        EscalationReport report = new EscalationReport("case-9-5", "case-9", "150105", "赛罕区", "150105001001003",
                "问题隐患", "BUILDING_SAFETY", "居民楼外墙大面积脱落", "需市住建部门统一处置", null,
                Instant.parse("2026-11-23T08:00:00Z"));

        HttpResponse<String> first = call("POST", "/api/v1/escalations", report, SECRET);
        HttpResponse<String> second = call("POST", "/api/v1/escalations", report, SECRET);

        assertThat(first.statusCode()).isEqualTo(201);
        String number = json.readTree(first.body()).get("orderNumber").asString();
        assertThat(number).matches("SJ\\d{8}\\d{6}");
        assertThat(json.readTree(second.body()).get("orderNumber").asString()).isEqualTo(number);
        assertThat(simulator.escalations()).hasSize(1);
    }

    @Test
    void shouldPageOrdersForBridgesThatPoll() throws Exception {
        OrderFactory factory = new OrderFactory(List.of("150105001001003"), 1, "T");
        for (int i = 0; i < 5; i++) {
            simulator.offerForPolling(factory.next(Instant.now()));
        }

        JsonNode first = json.readTree(call("GET", "/api/v1/orders?limit=3", null, SECRET).body());
        JsonNode rest = json.readTree(call("GET", "/api/v1/orders?limit=3&after=" + first.get("nextCursor").asString(),
                null, SECRET).body());
        JsonNode none = json.readTree(call("GET", "/api/v1/orders?after=" + rest.get("nextCursor").asString(), null,
                SECRET).body());

        assertThat(first.get("orders")).hasSize(3);
        assertThat(rest.get("orders")).hasSize(2);
        assertThat(none.get("orders")).isEmpty();
        assertThat(none.has("nextCursor")).isFalse();
    }

    @Test
    void shouldFailAndGoAwayOnDemand() throws Exception {
        simulator.faults().errorRate(1.0);
        assertThat(call("POST", "/api/v1/orders/GD0003/status", sync("GD0003", 1, SyncStatus.ACCEPTED), SECRET)
                .statusCode()).isEqualTo(503);
        simulator.faults().clear();

        simulator.down();
        assertThatThrownBy(() -> call("POST", "/api/v1/orders/GD0003/status", sync("GD0003", 1,
                SyncStatus.ACCEPTED), SECRET)).isInstanceOf(ConnectException.class);

        simulator.up();
        assertThat(call("POST", "/api/v1/orders/GD0003/status", sync("GD0003", 1, SyncStatus.ACCEPTED), SECRET)
                .statusCode()).isEqualTo(200);
        assertThat(simulator.syncsOf("GD0003")).hasSize(1);
    }

    /** Stands in for the bridge: records each request it receives and accepts it. */
    private static final class CapturingBridge implements AutoCloseable {
        record Request(String path, Map<String, String> headers, byte[] body) {
        }

        final List<Request> requests = new CopyOnWriteArrayList<>();
        private final HttpServer server;

        CapturingBridge() throws IOException {
            server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
            server.createContext("/", exchange -> {
                Map<String, String> headers = new java.util.HashMap<>();
                exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), v.getFirst()));
                requests.add(new Request(exchange.getRequestURI().getPath(), headers,
                        exchange.getRequestBody().readAllBytes()));
                exchange.sendResponseHeaders(202, -1);
                exchange.close();
            });
            server.start();
        }

        String url() {
            return "http://localhost:" + server.getAddress().getPort();
        }

        List<String> paths() {
            return requests.stream().map(Request::path).toList();
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    @Test
    void shouldSendSignedOrdersAndVisitsThatKeepToTheContract() throws IOException {
        HotlineContract contract = HotlineContract.load();
        try (CapturingBridge bridge = new CapturingBridge()) {
            simulator.bridgeUrl(bridge.url());
            WorkOrder order = new OrderFactory(List.of("150105001001003"), 3, "T").next(Instant.now());
            simulator.faults().duplicateDeliveries(true);

            assertThat(simulator.pushOrder(order).accepted()).isTrue();
            assertThat(simulator.postVisit(order.orderNumber(), new ReturnVisit("HF-1", VisitResolution.RESOLVED,
                    VisitSatisfaction.SATISFIED, "满意", "agent-1", Instant.now())).accepted()).isTrue();

            String visits = "/api/v1/hotline/orders/" + order.orderNumber() + "/visits";
            assertThat(bridge.paths()).containsExactly("/api/v1/hotline/orders", "/api/v1/hotline/orders", visits,
                    visits);
            for (CapturingBridge.Request r : bridge.requests) {
                assertThat(HotlineSignature.verify(List.of(SECRET.getBytes(StandardCharsets.UTF_8)),
                        r.headers().get("x-hotline-timestamp"), r.headers().get("x-hotline-nonce"),
                        r.headers().get("x-hotline-signature"), "POST", r.path(), r.body(),
                        Instant.now(), Duration.ofMinutes(5))).isEqualTo(HotlineSignature.Verdict.VALID);
                assertThat(contract.violations(r.path().endsWith("/visits") ? "ReturnVisit" : "WorkOrder",
                        json.readTree(r.body()))).isEmpty();
            }
            assertThat(order.toString()).doesNotContain(order.contact().phone())
                    .contains(order.contact().phone().substring(0, 3) + "****");
        }
    }

    @Test
    void shouldAnswerAnExtensionRequestWithTheDeadlineItSetsAndKeepToTheContract() throws Exception {
        try (CapturingBridge bridge = new CapturingBridge()) {
            simulator.bridgeUrl(bridge.url()).autoExtensionDecisions(Duration.ZERO, true);
            StatusSync request = new StatusSync("GD0005-4", "GD0005", 4, SyncStatus.EXTENSION_REQUESTED,
                    SyncStatus.EXTENSION_REQUESTED.label(), "申请延期", "需协调燃气公司停气", "赛罕区网格中心",
                    Instant.parse("2026-11-30T00:00:00Z"), 3, Instant.parse("2026-11-23T08:00:00Z"));
            assertThat(call("POST", "/api/v1/orders/GD0005/status", request, SECRET).statusCode()).isEqualTo(200);

            await().atMost(Duration.ofSeconds(5)).until(() -> !bridge.requests.isEmpty());
            assertThat(bridge.paths()).containsExactly("/api/v1/hotline/orders/GD0005/extension-decisions");
            var body = json.readTree(bridge.requests.getFirst().body());
            assertThat(HotlineContract.load().violations("ExtensionDecision", body)).isEmpty();
            assertThat(body.get("requestSequence").asInt()).isEqualTo(4);
            assertThat(body.get("approved").asBoolean()).isTrue();
            assertThat(Instant.parse(body.get("dueAt").asText())).isEqualTo(Instant.parse("2026-12-03T00:00:00Z"));
        }
    }

    @Test
    void shouldPostAReturnVisitAfterAnOrdersReply() throws Exception {
        try (CapturingBridge bridge = new CapturingBridge()) {
            simulator.bridgeUrl(bridge.url()).autoVisits(Duration.ZERO);

            call("POST", "/api/v1/orders/GD0004/status", sync("GD0004", 1, SyncStatus.ACCEPTED), SECRET);
            call("POST", "/api/v1/orders/GD0004/status", sync("GD0004", 6, SyncStatus.REPLIED), SECRET);

            await().atMost(Duration.ofSeconds(5)).until(() -> !bridge.requests.isEmpty());
            assertThat(bridge.paths()).containsExactly("/api/v1/hotline/orders/GD0004/visits");
        }
    }

    @Test
    void shouldReleaseHeldVisitsNewestFirstWhenCallbacksAreOutOfOrder() throws Exception {
        try (CapturingBridge bridge = new CapturingBridge()) {
            simulator.bridgeUrl(bridge.url()).autoVisits(Duration.ZERO);
            simulator.faults().outOfOrderCallbacks(true);

            for (String order : List.of("GD-A", "GD-B", "GD-C")) {
                call("POST", "/api/v1/orders/" + order + "/status", sync(order, 1, SyncStatus.REPLIED), SECRET);
            }

            await().atMost(Duration.ofSeconds(5)).until(() -> bridge.requests.size() == 3);
            assertThat(bridge.paths()).extracting(p -> p.split("/")[5]).containsExactly("GD-C", "GD-B", "GD-A");
        }
    }

    @Test
    void shouldAnswerLateWhenToldToBeSlow() throws Exception {
        simulator.faults().latency(Duration.ofMillis(300));
        long started = System.nanoTime();

        assertThat(call("POST", "/api/v1/orders/GD0005/status", sync("GD0005", 1, SyncStatus.ACCEPTED), SECRET)
                .statusCode()).isEqualTo(200);

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }

    /** Only whoever started the simulator (and so has its key) reads its state or makes it misbehave. */
    @Test
    void shouldAnswerItsOwnEndpointsOnlyWithItsKey() throws Exception {
        HttpResponse<String> without = client.send(HttpRequest.newBuilder(URI.create(simulator.baseUrl()
                + "/sim/down?seconds=60")).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> wrong = client.send(HttpRequest.newBuilder(URI.create(simulator.baseUrl() + "/sim/state"))
                .header(HotlineSimulator.ADMIN_KEY_HEADER, "guess").build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> right = client.send(HttpRequest.newBuilder(URI.create(simulator.baseUrl() + "/sim/state"))
                .header(HotlineSimulator.ADMIN_KEY_HEADER, simulator.adminKey()).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(without.statusCode()).isEqualTo(401);
        assertThat(without.body()).contains("SIMULATOR_KEY_REQUIRED");
        assertThat(simulator.isUp()).as("an unkeyed request took nothing down").isTrue();
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(right.statusCode()).isEqualTo(200);
        assertThat(right.body()).contains("ordersSent");
    }
}
