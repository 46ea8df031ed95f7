package io.gridloop.intake.report;

import io.gridloop.contracts.EventCodec;
import io.gridloop.contracts.EventEnvelope;
import io.gridloop.contracts.Topics;
import io.gridloop.contracts.event.EventReported;
import io.gridloop.contracts.event.Urgency;
import io.gridloop.contracts.area.AreaLevel;
import io.gridloop.contracts.event.Complexity;
import io.gridloop.infra.ServiceIntegrationTest;
import io.gridloop.infra.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

public class ReportApiTest extends ServiceIntegrationTest {

    @Autowired
    MongoTemplate mongo;

    private final EventCodec codec = new EventCodec();

    public static String report(String clientEventId, String reporterId, String gridCode) {
        return """
                {"clientEventId":"%s","source":"GRID_PATROL","category":"HAZARD","subCategory":"FIRE_SAFETY",
                 "gridCode":"%s","description":"楼道堆放杂物，堵塞消防通道",
                 "occurredAt":"2026-03-02T01:20:00Z","reporterId":"%s"}""".formatted(clientEventId, gridCode, reporterId);
    }

    /** A report with a position: near the centre of grid 150105001001003 in the demo registry. */
    static String reportWithLocation(String clientEventId, String reporterId) {
        return report(clientEventId, reporterId, "150105001001003").replace("\"occurredAt\"",
                "\"location\":{\"latitude\":40.7492,\"longitude\":111.7147},\"occurredAt\"");
    }

    private RestTestClient.ResponseSpec post(String body) {
        return http.post().uri("/api/v1/events").contentType(MediaType.APPLICATION_JSON).body(body).exchange();
    }

    @Test
    void shouldAcceptAReportAndPublishItKeyedByItsEventId() {
        String clientEventId = UUID.randomUUID().toString();

        ReportReceipt receipt = post(reportWithLocation(clientEventId, "gw-1"))
                .expectStatus().isAccepted()
                .expectHeader().exists("Location")
                .expectBody(ReportReceipt.class).returnResult().getResponseBody();

        assertThat(receipt.districtCode()).isEqualTo("150105");
        assertThat(receipt.districtName()).isEqualTo("赛罕区");
        List<EventEnvelope<EventReported>> published = publishedWithKey(receipt.eventId());
        assertThat(published).hasSize(1);
        EventReported event = published.getFirst().data();
        assertThat(event.clientEventId()).isEqualTo(clientEventId);
        assertThat(event.districtName()).isEqualTo("赛罕区");
        assertThat(event.location().latitude()).isEqualTo(40.7492);
        assertThat(event.subCategory()).isEqualTo("FIRE_SAFETY");
        assertThat(event.subCategoryName()).isEqualTo("消防安全隐患");
        assertThat(event.complexity()).as("from the catalogue").isEqualTo(Complexity.COMPLEX);
        assertThat(event.initialLevel()).isEqualTo(AreaLevel.STREET);
        assertThat(event.urgency()).isEqualTo(Urgency.NORMAL);
        assertThat(event.streetCode()).isEqualTo("150105001");
        assertThat(event.communityCode()).isEqualTo("150105001001");
        // Names from the demo registry (grid-registry/hohhot.csv).
        assertThat(event.communityName()).isEqualTo("新城社区");
        assertThat(event.streetName()).endsWith("街道");
        assertThat(event.dueAt()).isNull();
        assertThat(published.getFirst().subject()).isEqualTo(receipt.eventId());
        assertThat(stored(receipt.eventId()).published()).isTrue();
    }

    @Test
    void shouldCarryTheTraceContextOfTheRequestOnThePublishedRecord() {
        ReportReceipt receipt = post(report(UUID.randomUUID().toString(), "gw-t", "150105001001003"))
                .expectStatus().isAccepted()
                .expectBody(ReportReceipt.class).returnResult().getResponseBody();

        ConsumerRecord<String, byte[]> record = TopicReader.readAll(bootstrap,
                Topics.EVENT_REPORTED.name()).stream().filter(r -> receipt.eventId().equals(r.key()))
                .findFirst().orElseThrow();

        assertThat(record.headers().lastHeader("traceparent")).as("W3C trace context header").isNotNull();
    }

    @Test
    void shouldAnswerARetryWithTheOriginalIdAndPublishNothingNew() {
        String body = report(UUID.randomUUID().toString(), "gw-2", "150102001002001");
        ReportReceipt first = post(body).expectStatus().isAccepted()
                .expectBody(ReportReceipt.class).returnResult().getResponseBody();

        ReportReceipt retry = post(body).expectStatus().isOk()
                .expectBody(ReportReceipt.class).returnResult().getResponseBody();

        assertThat(retry.eventId()).isEqualTo(first.eventId());
        assertThat(retry.duplicate()).isTrue();
        assertThat(publishedWithKey(first.eventId())).hasSize(1);
    }

    @Test
    void shouldTreatTheSameClientEventIdFromAnotherReporterAsAnotherReport() {
        String clientEventId = UUID.randomUUID().toString();
        ReportReceipt a = post(report(clientEventId, "gw-a", "150102001002001")).expectStatus().isAccepted()
                .expectBody(ReportReceipt.class).returnResult().getResponseBody();
        ReportReceipt b = post(report(clientEventId, "gw-b", "150102001002001")).expectStatus().isAccepted()
                .expectBody(ReportReceipt.class).returnResult().getResponseBody();

        assertThat(a.eventId()).isNotEqualTo(b.eventId());
    }

    @Test
    void shouldStoreExactlyOneEventWhenTheSameReportArrivesConcurrently() throws Exception {
        String clientEventId = UUID.randomUUID().toString();
        String body = report(clientEventId, "gw-3", "150104001001001");
        Set<String> ids = ConcurrentHashMap.newKeySet();
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            List<Future<?>> calls = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) {
                calls.add(pool.submit(() -> {
                    ReportReceipt receipt = post(body).expectStatus().value(status ->
                                    assertThat(status).isIn(HttpStatus.OK.value(), HttpStatus.ACCEPTED.value()))
                            .expectBody(ReportReceipt.class).returnResult().getResponseBody();
                    ids.add(receipt.eventId());
                }));
            }
            for (Future<?> call : calls) {
                call.get();
            }
        }

        assertThat(ids).hasSize(1);
        long stored = mongo.count(Query.query(Criteria.where("idempotencyKey")
                .is(StoredReport.idempotencyKey("tester", "gw-3", clientEventId))), StoredReport.class);
        assertThat(stored).isEqualTo(1);
    }

    @Test
    void shouldHaveAUniqueIndexOnTheIdempotencyKey() {
        assertThat(mongo.indexOps(StoredReport.class).getIndexInfo())
                .anySatisfy(index -> {
                    assertThat(index.isUnique()).isTrue();
                    assertThat(index.getIndexFields()).extracting(f -> f.getKey())
                            .containsExactly(ReportIndexes.IDEMPOTENCY_KEY);
                });
    }

    @Test
    void shouldNameEveryMissingFieldInAProblemDocument() {
        post("{\"source\":\"GRID_PATROL\"}")
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code").isEqualTo("VALIDATION_FAILED")
                .jsonPath("$.status").isEqualTo(400)
                .jsonPath("$.errors[?(@.field == 'gridCode')].code").isEqualTo(List.of("NotBlank"))
                .jsonPath("$.errors[?(@.field == 'reporterId')].message").isEqualTo(List.of("不能为空"))
                .jsonPath("$.errors.length()").isEqualTo(6);
    }

    @Test
    void shouldRejectAGridCodeThatIsNotFifteenDigits() {
        post(report("c-" + UUID.randomUUID(), "gw-4", "15010500100"))
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("gridCode")
                .jsonPath("$.errors[0].message").isEqualTo("网格编码必须是15位数字");
    }

    @Test
    void shouldRejectMalformedJson() {
        post("{\"clientEventId\": ")
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("MALFORMED_JSON");
    }

    @Test
    void shouldNameAFieldWhoseValueHasTheWrongType() {
        post(report("c-" + UUID.randomUUID(), "gw-5", "150105001001003").replace("GRID_PATROL", "CARRIER_PIGEON"))
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.code").isEqualTo("MALFORMED_FIELD")
                .jsonPath("$.errors[0].field").isEqualTo("source");
    }

    @Test
    void shouldRejectAGridOutsideEveryKnownDistrictWithoutPublishing() {
        String clientEventId = "c-" + UUID.randomUUID();
        post(report(clientEventId, "gw-6", "110101001001001"))
                .expectStatus().isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT)
                .expectBody().jsonPath("$.code").isEqualTo("UNKNOWN_GRID");

        assertThat(mongo.count(Query.query(Criteria.where("idempotencyKey")
                .is(StoredReport.idempotencyKey("tester", "gw-6", clientEventId))), StoredReport.class)).isZero();
    }

    /** An 8 MiB JSON body is refused as too large, not parsed first and refused afterwards. */
    @Test
    void shouldRefuseAnOversizedBodyBeforeParsingIt() {
        post("{\"description\":\"" + "长".repeat(3 * 1024 * 1024) + "\"}")
                .expectStatus().isEqualTo(HttpStatus.CONTENT_TOO_LARGE)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("PAYLOAD_TOO_LARGE")
                .jsonPath("$.maxBytes").isEqualTo(256 * 1024);
    }

    @Test
    void shouldRejectAnotherMediaType() {
        http.post().uri("/api/v1/events").contentType(MediaType.TEXT_PLAIN).body("hello").exchange()
                .expectStatus().isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
                .expectBody().jsonPath("$.code").isEqualTo("UNSUPPORTED_MEDIA_TYPE");
    }

    @Test
    void shouldRejectASubCategoryThatIsMissingUnknownOrOfAnotherCategory() {
        String valid = report(UUID.randomUUID().toString(), "gw-s", "150105001001003");

        post(valid.replace("\"subCategory\":\"FIRE_SAFETY\",", "")).expectStatus()
                .isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT).expectBody()
                .jsonPath("$.code").isEqualTo("SUBCATEGORY_REQUIRED");
        post(valid.replace("FIRE_SAFETY", "FLYING_SAUCER")).expectStatus()
                .isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT).expectBody()
                .jsonPath("$.code").isEqualTo("UNKNOWN_SUBCATEGORY")
                .jsonPath("$.field").isEqualTo("subCategory");
        post(valid.replace("FIRE_SAFETY", "WATER_SUPPLY")).expectStatus()
                .isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT).expectBody()
                .jsonPath("$.code").isEqualTo("SUBCATEGORY_MISMATCH")
                .jsonPath("$.detail").value(d -> assertThat((String) d).contains("供水问题", "民生事项", "问题隐患"));
    }

    /** A report with a deadline of its own and perhaps no sub-category, as only the hotline bridge's orders have. */
    static String withDeadline(String source, String subCategoryField, String reporterId) {
        return """
                {"clientEventId":"%s","source":"%s","category":"HAZARD",%s"gridCode":"150105001001003",
                 "description":"市民来电反映井盖缺失","occurredAt":"2026-03-02T01:20:00Z","urgency":"URGENT",
                 "dueAt":"2099-03-09T01:20:00Z","reporterId":"%s"}"""
                .formatted(UUID.randomUUID(), source, subCategoryField, reporterId);
    }

    /**
     * The 12345 source, the 12345 reporter and a deadline of one's own belong to the bridge's orders (which reach
     * intake over Kafka, see HotlineOrdersTest): through the API they would hide a case from the overdue list
     * (due 2099) or let a caller take the place of an order that has not arrived yet.
     */
    @Test
    void shouldKeepTheHotlinesSourceReporterAndDeadlineToTheBridgesOrders() {
        post(withDeadline("GRID_PATROL", "\"subCategory\":\"MANHOLE\",", "gw-d"))
                .expectStatus().isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT)
                .expectBody().jsonPath("$.code").isEqualTo("DUE_AT_NOT_ALLOWED").jsonPath("$.field").isEqualTo("dueAt");
        String hotline = withDeadline("HOTLINE_12345", "\"subCategory\":\"MANHOLE\",", "gw-d")
                .replace(",\n \"dueAt\":\"2099-03-09T01:20:00Z\"", "").replace("\"dueAt\":\"2099-03-09T01:20:00Z\",", "");
        post(hotline).expectStatus().isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT)
                .expectBody().jsonPath("$.code").isEqualTo("SOURCE_NOT_ALLOWED").jsonPath("$.field").isEqualTo("source")
                .jsonPath("$.detail").value(d -> assertThat((String) d).contains("12345热线", "专用接口"));
        post(hotline.replace("HOTLINE_12345", "OPEN311")).expectStatus()
                .isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT).expectBody().jsonPath("$.code")
                .isEqualTo("SOURCE_NOT_ALLOWED");
        post(report("GD2026120600001", "12345", "150105001001003")).expectStatus()
                .isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT).expectBody()
                .jsonPath("$.code").isEqualTo("RESERVED_REPORTER").jsonPath("$.field").isEqualTo("reporterId");
    }

    /** The source follows from who reports: a grid worker's is a patrol, a centre's a call or a visit. */
    @Test
    void shouldTakeTheSourceFromWhoReports() {
        String grid = "150105001001003";
        io.gridloop.infra.auth.Identity worker = io.gridloop.infra.auth.Identity.of("gw-src", List.of("GRID_WORKER"), grid);
        io.gridloop.infra.auth.Identity centre = io.gridloop.infra.auth.Identity.of("op-src", List.of("OPERATOR"), "150105");
        String noSource = report(UUID.randomUUID().toString(), "gw-src", grid).replace("\"source\":\"GRID_PATROL\",", "");

        ReportReceipt patrol = as(worker).post().uri("/api/v1/events").contentType(MediaType.APPLICATION_JSON)
                .body(noSource).exchange().expectStatus().isAccepted().expectBody(ReportReceipt.class)
                .returnResult().getResponseBody();
        as(worker).post().uri("/api/v1/events").contentType(MediaType.APPLICATION_JSON)
                .body(report(UUID.randomUUID().toString(), "gw-src", grid).replace("GRID_PATROL", "AI_CAMERA"))
                .exchange().expectStatus().isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT).expectBody()
                .jsonPath("$.code").isEqualTo("SOURCE_NOT_ALLOWED")
                .jsonPath("$.detail").value(d -> assertThat((String) d).contains("网格员巡查"));
        ReportReceipt call = as(centre).post().uri("/api/v1/events").contentType(MediaType.APPLICATION_JSON)
                .body(noSource.replace("gw-src", "resident-7")).exchange().expectStatus().isAccepted()
                .expectBody(ReportReceipt.class).returnResult().getResponseBody();
        ReportReceipt visit = as(centre).post().uri("/api/v1/events").contentType(MediaType.APPLICATION_JSON)
                .body(report(UUID.randomUUID().toString(), "resident-8", grid).replace("GRID_PATROL", "WALK_IN"))
                .exchange().expectStatus().isAccepted().expectBody(ReportReceipt.class).returnResult()
                .getResponseBody();
        as(centre).post().uri("/api/v1/events").contentType(MediaType.APPLICATION_JSON)
                .body(report(UUID.randomUUID().toString(), "resident-9", grid)).exchange()
                .expectStatus().isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);

        assertThat(publishedWithKey(patrol.eventId()).getFirst().data().source())
                .isEqualTo(io.gridloop.contracts.event.ReportSource.GRID_PATROL);
        assertThat(publishedWithKey(call.eventId()).getFirst().data().source())
                .isEqualTo(io.gridloop.contracts.event.ReportSource.PHONE_CALL);
        assertThat(publishedWithKey(visit.eventId()).getFirst().data().source())
                .isEqualTo(io.gridloop.contracts.event.ReportSource.WALK_IN);
    }

    /** Another caller's retry key is not a way to learn of, or answer for, a report somebody else filed. */
    @Test
    void shouldKeepEachCallersRetriesApart() {
        String clientEventId = "c-" + UUID.randomUUID();
        io.gridloop.infra.auth.Identity saihan = io.gridloop.infra.auth.Identity.of("op-a", List.of("OPERATOR"), "150105");
        io.gridloop.infra.auth.Identity other = io.gridloop.infra.auth.Identity.of("op-b", List.of("OPERATOR"), "150105");
        String body = report(clientEventId, "resident-1", "150105001001003").replace("GRID_PATROL", "PHONE_CALL");

        ReportReceipt first = as(saihan).post().uri("/api/v1/events").contentType(MediaType.APPLICATION_JSON)
                .body(body).exchange().expectStatus().isAccepted().expectBody(ReportReceipt.class).returnResult()
                .getResponseBody();
        ReportReceipt again = as(saihan).post().uri("/api/v1/events").contentType(MediaType.APPLICATION_JSON)
                .body(body).exchange().expectStatus().isOk().expectBody(ReportReceipt.class).returnResult()
                .getResponseBody();
        ReportReceipt theirs = as(other).post().uri("/api/v1/events").contentType(MediaType.APPLICATION_JSON)
                .body(body).exchange().expectStatus().isAccepted().expectBody(ReportReceipt.class).returnResult()
                .getResponseBody();

        assertThat(again.eventId()).isEqualTo(first.eventId());
        assertThat(theirs.eventId()).isNotEqualTo(first.eventId());
        assertThat(stored(first.eventId()).submittedBy()).isEqualTo("op-a");
    }

    @Test
    void shouldListTheCatalogueWithChineseLabels() {
        http.get().uri("/api/v1/catalogue/sub-categories?category=DISPUTE").exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$[?(@.code == 'NEIGHBOUR_DISPUTE')].name").isEqualTo("邻里纠纷")
                .jsonPath("$[?(@.code == 'NEIGHBOUR_DISPUTE')].defaultLevelLabel").isEqualTo("网格")
                .jsonPath("$[?(@.category != 'DISPUTE')]").isEmpty();
    }

    @Test
    void shouldAnswerAnUnknownEventWithNotFound() {
        http.get().uri("/api/v1/events/{id}", "no-such-event").exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("EVENT_NOT_FOUND");
    }

    @Test
    void shouldReportHealthUpWithTheDatabaseChecked() {
        http.get().uri("/actuator/health").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("UP")
                .jsonPath("$.components.mongo.status").isEqualTo("UP");
    }

    private StoredReport stored(String eventId) {
        return mongo.findById(eventId, StoredReport.class);
    }

    private List<EventEnvelope<EventReported>> publishedWithKey(String key) {
        List<ConsumerRecord<String, byte[]>> records = TopicReader.readAll(bootstrap, Topics.EVENT_REPORTED.name());
        return records.stream().filter(r -> key.equals(r.key()))
                .map(r -> codec.decode(Topics.EVENT_REPORTED, r.value())).toList();
    }

}
