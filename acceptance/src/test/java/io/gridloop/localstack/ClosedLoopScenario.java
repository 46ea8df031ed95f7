package io.gridloop.localstack;

import io.gridloop.contracts.EventCodec;
import io.gridloop.contracts.ServiceNames;
import io.gridloop.contracts.Topics;
import io.gridloop.contracts.event.CaseState;
import io.gridloop.contracts.hotline.Contact;
import io.gridloop.contracts.hotline.OrderReceipt;
import io.gridloop.contracts.hotline.StatusSync;
import io.gridloop.contracts.hotline.SyncStatus;
import io.gridloop.contracts.hotline.WorkOrder;
import io.gridloop.hotline.simulator.HotlineSimulator;
import io.gridloop.infra.ConsumerLag;
import io.gridloop.infra.EmbeddedInfra;
import io.gridloop.infra.ServiceIntegrationTest;
import io.gridloop.infra.TopicReader;
import io.gridloop.infra.TopicWriter;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The walking skeleton end to end: reports go in at intake, dispatch runs them through the loop, stats counts,
 * metrics shows — all five services talking only through a real broker, each with its own database.
 * Subclasses say which broker and database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ClosedLoopScenario {

    static final String XINCHENG = "150102";
    static final String SAIHAN = "150105";
    static final String YUQUAN = "150104";
    private static final Duration PATIENCE = LoopDriver.PATIENCE;

    private final EventCodec codec = new EventCodec();
    private GridloopStack stack;
    private RestTestClient intake;
    private RestTestClient dispatch;
    private RestTestClient stats;
    private RestTestClient metrics;
    private static final String SECRET = "end-to-end-secret-at-least-32-bytes-long";
    private LoopDriver loop;
    private HotlineSimulator hotline;

    protected abstract String bootstrapServers();

    protected abstract String mongoUri();

    @BeforeAll
    void startStack() {
        hotline = HotlineSimulator.start(0, SECRET, 5);
        Map<String, Object> settings = new java.util.LinkedHashMap<>(EmbeddedInfra.shared().springProperties());
        settings.put("gridloop.stats.snapshot-interval", "200ms");
        settings.put("gridloop.hotline.base-url", hotline.baseUrl());
        settings.put("gridloop.hotline.secret", SECRET);
        // Spans into memory as well (InMemoryTraces), handed over every 100 ms rather than every 5 s.
        settings.put("gridloop.test.in-memory-traces", "true");
        settings.put("management.opentelemetry.tracing.export.schedule-delay", "100ms");
        stack = GridloopStack.start(bootstrapServers(), mongoUri(), ServicePorts.ANY_FREE, settings);
        hotline.bridgeUrl(stack.baseUrl(ServiceNames.HOTLINE_BRIDGE)).autoVisits(Duration.ofMillis(200));
        intake = client(ServiceNames.INTAKE);
        dispatch = client(ServiceNames.DISPATCH);
        stats = client(ServiceNames.STATS);
        metrics = client(ServiceNames.METRICS);
        loop = new LoopDriver(intake, dispatch);
    }

    @AfterAll
    void stopStack() {
        if (stack != null) {
            stack.close();
        }
        if (hotline != null) {
            hotline.close();
        }
    }

    /**
     * One trace from a grid worker's HTTP report through Kafka to the case dispatch makes of it: the caller's
     * {@code traceparent} carries into intake, onto the event, into dispatch's listener and onto the transition it
     * publishes — what an installation sees in its tracing backend over OTLP.
     */
    @Test
    void shouldFollowOneTraceFromTheReportThroughKafkaToTheCaseAction() {
        Traceparent sent = Traceparent.random();
        String traceId = sent.traceId();
        String body = """
                {"clientEventId":"%s","source":"GRID_PATROL","category":"LIVELIHOOD","subCategory":"STREETLIGHT",
                 "gridCode":"%s","description":"路灯不亮","occurredAt":"2026-03-02T01:20:00Z",
                 "reporterId":"gw-e2e"}""".formatted(UUID.randomUUID(), SAIHAN + "001002001");
        String eventId = intake.post().uri("/api/v1/events").header("traceparent", sent.header()).contentType(MediaType.APPLICATION_JSON).body(body).exchange()
                .expectStatus().isEqualTo(HttpStatus.ACCEPTED)
                .expectBody(JsonNode.class).returnResult().getResponseBody().get("eventId").asString();
        loop.awaitState(eventId, CaseState.ROUTED);

        AttributeKey<String> service = AttributeKey.stringKey("service.name");
        AttributeKey<String> topic = AttributeKey.stringKey("messaging.destination.name");
        await().atMost(PATIENCE).untilAsserted(() -> {
            List<SpanData> trace = InMemoryTraces.spans().stream().filter(s -> s.getTraceId().equals(traceId))
                    .toList();
            // A listener's span names its topic ("grid.event.reported.v1 receive"), a template's sets it as the
            // destination attribute.
            assertThat(trace).extracting(s -> s.getResource().getAttribute(service) + " " + s.getKind() + " "
                            + (s.getKind() == SpanKind.SERVER ? "" : s.getKind() == SpanKind.CONSUMER
                            ? s.getName().split(" ")[0] : s.getAttributes().get(topic)))
                    .contains("intake-service SERVER ",
                            "intake-service PRODUCER " + Topics.EVENT_REPORTED.name(),
                            "dispatch-service CONSUMER " + Topics.EVENT_REPORTED.name(),
                            "dispatch-service PRODUCER " + Topics.CASE_TRANSITIONED.name());
        });
    }

    @Test
    void shouldRunA12345OrderFromTheHotlineThroughTheLoopBackToTheHotlineAndItsReturnVisit() {
        String grid = DemoData.GRIDS.get("150124").getFirst().code();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        WorkOrder order = new WorkOrder("GD" + System.nanoTime(), "主办", List.of("城乡建设", "市政设施", "路灯"),
                "村口路灯不亮", "清水河县城关镇", null, grid, new Contact("王先生", "13900001234", false), "一般",
                now.plus(Duration.ofDays(7)), now, null);

        HotlineSimulator.Delivery pushed = hotline.pushOrder(order);
        assertThat(pushed.status()).as(pushed.body()).isEqualTo(202);
        String caseId = codec.mapper().readValue(pushed.body(), OrderReceipt.class).caseId();

        loop.awaitState(caseId, CaseState.ROUTED);
        dispatch.get().uri("/api/v1/cases/{id}", caseId).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.source").isEqualTo("HOTLINE_12345")
                .jsonPath("$.subCategory").isEqualTo("STREETLIGHT")
                .jsonPath("$.dueAt").isEqualTo(order.dueAt().toString());
        for (String step : List.of("accept", "feedback", "close")) {
            dispatch.post().uri("/api/v1/cases/{id}/actions/{a}", caseId, step).contentType(MediaType.APPLICATION_JSON)
                    .body("{\"comment\":\"已更换灯泡，恢复照明\"}").exchange()
                    .expectStatus().isOk();
        }

        await().atMost(PATIENCE).until(() -> hotline.syncsOf(order.orderNumber()).stream()
                .anyMatch(s -> s.status() == SyncStatus.REPLIED));
        assertThat(hotline.syncsOf(order.orderNumber())).extracting(StatusSync::status)
                .containsExactly(SyncStatus.ACCEPTED, SyncStatus.IN_PROGRESS, SyncStatus.REPLIED);
        assertThat(hotline.syncsOf(order.orderNumber()).getLast().text()).isEqualTo("已更换灯泡，恢复照明");
        // The simulator's return visit after the reply reaches the case (and so statistics' 回访 counts).
        await().atMost(PATIENCE).untilAsserted(() -> dispatch.get().uri("/api/v1/cases/{id}", caseId).exchange()
                .expectBody().jsonPath("$.timeline[?(@.action == 'visit')].role").isEqualTo(List.of("HOTLINE")));
        assertThat(hotline.violations()).isEmpty();
    }

    /** A service's API, signed in as a dispatch centre, supervisor and reporting channel for everywhere. */
    private RestTestClient client(String service) {
        return ServiceIntegrationTest.bearer(stack.baseUrl(service),
                EmbeddedInfra.shared().tokens().mint(ServiceIntegrationTest.TESTER));
    }

    @Test
    void shouldRunReportsThroughTheLoopAndShowTheExactCompletionRatePerDistrict() {
        List<String> xincheng = loop.report(XINCHENG + "001002", 5);
        List<String> saihan = loop.report(SAIHAN + "001002", 4);
        for (String id : concat(xincheng, saihan)) {
            loop.awaitState(id, CaseState.ROUTED);
        }

        for (String id : concat(xincheng.subList(0, 3), saihan.subList(0, 1))) {
            loop.runToClosed(id);
        }

        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(statsRow(XINCHENG)).isEqualTo(new Row(5, 3, 0.6));
            assertThat(statsRow(SAIHAN)).isEqualTo(new Row(4, 1, 0.25));
        });
        await().atMost(PATIENCE).untilAsserted(() -> {
            String scrape = scrape();
            assertThat(gauge(scrape, "gridloop_completion_rate", XINCHENG)).isEqualTo(0.6);
            assertThat(gauge(scrape, "gridloop_completion_rate", SAIHAN)).isEqualTo(0.25);
            assertThat(gauge(scrape, "gridloop_events_reported", XINCHENG)).isEqualTo(5);
            assertThat(gauge(scrape, "gridloop_events_closed", SAIHAN)).isEqualTo(1);
        });
        metrics.get().uri("/api/v1/dashboard/districts").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$[?(@.districtCode == '" + XINCHENG + "')].districtName").isEqualTo("新城区")
                .jsonPath("$[?(@.districtCode == '" + XINCHENG + "')].completionRate").isEqualTo(0.6);

        redeliverATransitionAndAPoisonRecord(xincheng.getFirst());

        assertThat(statsRow(XINCHENG)).isEqualTo(new Row(5, 3, 0.6));
        assertThat(statsRow(SAIHAN)).isEqualTo(new Row(4, 1, 0.25));
        assertThat(gauge(scrape(), "gridloop_completion_rate", XINCHENG)).isEqualTo(0.6);
    }

    @Test
    void shouldReopenACaseItsReporterSaysIsNotFixedAndTakeBackItsClosureUntilClosedAgain() {
        List<String> ids = loop.report(YUQUAN + "001002", 2);
        for (String id : ids) {
            loop.awaitState(id, CaseState.ROUTED);
            loop.runToClosed(id);
        }
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(statsRow(YUQUAN)).isEqualTo(new Row(2, 2, 1.0)));
        String id = ids.getFirst();
        await().atMost(PATIENCE).untilAsserted(() ->
                intake.get().uri("/api/v1/events/{id}", id).exchange().expectBody()
                        .jsonPath("$.status").isEqualTo("CLOSED")
                        .jsonPath("$.canMarkNotFixed").isEqualTo(true));

        intake.post().uri("/api/v1/events/{id}/not-fixed", id).contentType(MediaType.APPLICATION_JSON)
                .body("{\"reporterId\":\"gw-e2e\",\"comment\":\"路灯还是不亮\"}").exchange()
                .expectStatus().isAccepted();

        loop.awaitState(id, CaseState.ROUTED);
        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(statsRow(YUQUAN)).isEqualTo(new Row(2, 1, 0.5));
            intake.get().uri("/api/v1/events/{id}", id).exchange().expectBody()
                    .jsonPath("$.status").isEqualTo("DISPATCHED");
        });
        loop.runToClosed(id);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(statsRow(YUQUAN)).isEqualTo(new Row(2, 2, 1.0)));
    }

    @Test
    void shouldAnswerBadInputWithAProblemDocumentNamingTheField() {
        intake.post().uri("/api/v1/events").contentType(MediaType.APPLICATION_JSON)
                .body("{\"clientEventId\":\"x\",\"source\":\"GRID_PATROL\",\"category\":\"HAZARD\"}")
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[?(@.field == 'gridCode')]").exists();
    }

    /** The closed case's closure delivered once more, a report's too, and a record that is not JSON at all. */
    private void redeliverATransitionAndAPoisonRecord(String closedCaseId) {
        List<ConsumerRecord<String, byte[]>> transitions = TopicReader.readAll(bootstrapServers(),
                Topics.CASE_TRANSITIONED.name());
        for (ConsumerRecord<String, byte[]> rec : transitions) {
            if (closedCaseId.equals(rec.key())) {
                TopicWriter.send(bootstrapServers(), rec.topic(), rec.key(), rec.value());
            }
        }
        String poisonKey = "poison-" + UUID.randomUUID();
        TopicWriter.send(bootstrapServers(), Topics.CASE_TRANSITIONED.name(), poisonKey,
                "definitely not an event".getBytes(StandardCharsets.UTF_8));

        await().atMost(PATIENCE).until(() ->
                ConsumerLag.of(bootstrapServers(), ServiceNames.STATS, Topics.CASE_TRANSITIONED.name()) == 0);
        // Every reader of the topic (stats, intake, the hotline bridge) parks the poison record once, saying which
        // group it was.
        await().atMost(PATIENCE).untilAsserted(() ->
                assertThat(TopicReader.readAll(bootstrapServers(), Topics.CASE_TRANSITIONED.deadLetterTopic())
                        .stream().filter(r -> poisonKey.equals(r.key()))
                        .map(r -> new String(r.headers().lastHeader(KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP).value(),
                                StandardCharsets.UTF_8)).toList())
                        .containsExactlyInAnyOrderElementsOf(Topics.CASE_TRANSITIONED.consumers()));
        await().atMost(PATIENCE).until(() ->
                ConsumerLag.of(bootstrapServers(), ServiceNames.METRICS, Topics.DISTRICT_STATS.name()) == 0);
    }

    record Row(long reported, long closed, Double completionRate) {
    }

    /** The district's row of this year's district table, as a supervisor reads it. */
    private Row statsRow(String district) {
        String year = String.valueOf(java.time.Year.now(java.time.ZoneId.of("Asia/Shanghai")).getValue());
        JsonNode table = stats.get().uri("/api/v1/stats/completion?level=district&period=" + year).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        for (JsonNode row : table.get("rows")) {
            if (district.equals(row.get("areaCode").asString())) {
                JsonNode rate = row.get("rates").get("completionRate");
                return new Row(row.get("counts").get("reported").asLong(), row.get("counts").get("closed").asLong(),
                        rate == null || rate.isNull() ? null : rate.asDouble());
            }
        }
        return null;
    }

    private String scrape() {
        return metrics.get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
    }

    private static Double gauge(String scrape, String metric, String district) {
        return scrape.lines()
                .filter(l -> l.startsWith(metric + "{") && l.contains("district=\"" + district + "\""))
                .map(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .findFirst().orElse(null);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
