package io.gridloop.intake.open311;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.gridloop.contracts.event.CaseState;
import io.gridloop.contracts.event.ReportSource;
import io.gridloop.infra.ServiceIntegrationTest;
import io.gridloop.intake.CaseEvents;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class Open311Test extends ServiceIntegrationTest {

    /** Near the centre of grid 150105001001003 in the demo registry. */
    private final double lat = 40.7490 + ThreadLocalRandom.current().nextDouble(0, 0.0005);
    private final double lon = 111.7146;

    private RestTestClient.ResponseSpec post(String form) {
        return http.post().uri("/open311/v2/requests.json").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(form).exchange();
    }

    private String form(String apiKey, String service, String description) {
        return "api_key=" + apiKey + "&jurisdiction_id=hohhot&service_code=" + service + "&lat=" + lat + "&long="
                + lon + "&description=" + description + "&device_id=" + UUID.randomUUID();
    }

    @Test
    void shouldListTheCataloguesSubCategoriesAsServices() {
        String json = http.get().uri("/open311/v2/services.json").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(json).contains("\"service_code\":\"MANHOLE\"", "\"service_name\":\"井盖缺失破损\"",
                "\"type\":\"realtime\"");
        http.get().uri("/open311/v2/services/MANHOLE.json").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.service_code").isEqualTo("MANHOLE")
                .jsonPath("$.attributes.length()").isEqualTo(0);
        http.get().uri("/open311/v2/services/NOPE.json").exchange().expectStatus().isNotFound();
    }

    @Test
    void shouldTurnARequestIntoAReportInTheGridOfItsPositionAndAnswerItsStatus() {
        String body = form("demo-open311-key", "MANHOLE", "路口井盖缺失");
        String created = post(body).expectStatus().isOk().expectBody(String.class).returnResult()
                .getResponseBody();
        String id = created.replaceAll(".*\"service_request_id\":\"([^\"]+)\".*", "$1");
        String again = post(body).expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(again).as("the same request again is the same report").contains(id);

        http.get().uri("/api/v1/events/{id}", id).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.source").isEqualTo("OPEN311")
                .jsonPath("$.gridCode").isEqualTo("150105001001003")
                .jsonPath("$.subCategory").isEqualTo("MANHOLE");
        http.get().uri("/open311/v2/requests/{id}.json", id).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$[0].service_request_id").isEqualTo(id)
                .jsonPath("$[0].status").isEqualTo("open")
                .jsonPath("$[0].service_code").isEqualTo("MANHOLE")
                .jsonPath("$[0].requested_datetime").exists()
                .jsonPath("$[0].long").isEqualTo(lon);
        http.get().uri("/open311/v2/requests.json?service_code=MANHOLE&status=open").exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$[?(@.service_request_id == '" + id + "')]").exists();
    }

    /**
     * GeoReport v2 clients read requests without credentials; gridloop shows them what came in through Open311 —
     * not a grid worker's record, a 12345 order or any other report — and nothing personal.
     */
    @Test
    void shouldLetAnyoneReadOpen311RequestsButNoOtherReportAndNothingPersonal() {
        String created = post(form("demo-open311-key", "MANHOLE", "井盖松动") + "&email=zhang@example.cn")
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        String id = created.replaceAll(".*\"service_request_id\":\"([^\"]+)\".*", "$1");
        String patrol = http.post().uri("/api/v1/events").contentType(MediaType.APPLICATION_JSON)
                .body(io.gridloop.intake.report.ReportApiTest.report(UUID.randomUUID().toString(), "gw-311",
                        "150105001001003").replace("HAZARD\",\"subCategory\":\"FIRE_SAFETY", "DISPUTE\",\"subCategory\":\"NEIGHBOUR_DISPUTE"))
                .exchange().expectStatus().isAccepted().expectBody(String.class).returnResult().getResponseBody()
                .replaceAll(".*\"eventId\":\"([^\"]+)\".*", "$1");

        String open = anonymous.get().uri("/open311/v2/requests/{id}.json", id).exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(open).contains(id, "MANHOLE").doesNotContain("zhang", "open311:", "media_url\":\"");
        anonymous.get().uri("/open311/v2/requests/{id}.json", patrol).exchange().expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("REQUEST_NOT_FOUND");
        http.get().uri("/open311/v2/requests/{id}.json", patrol).exchange().expectStatus().isNotFound();
        anonymous.get().uri("/open311/v2/requests.json?service_request_id={a},{b}", id, patrol).exchange()
                .expectStatus().isOk().expectBody(String.class)
                .value(list -> assertThat(list).contains(id).doesNotContain(patrol));
    }

    @Test
    void shouldAnswerInTheShapeOpen311ClientsExpect() {
        String created = post(form("demo-open311-key", "STREETLIGHT", "路灯不亮")).expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        String id = created.replaceAll(".*\"service_request_id\":\"([^\"]+)\".*", "$1");
        String requests = http.get().uri("/open311/v2/requests/{id}.json", id).exchange()
                .expectBody(String.class).returnResult().getResponseBody();
        String services = http.get().uri("/open311/v2/services.json").exchange()
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(validate("requests.json", "[{\"status\":\"pending\"}]")).as("the schemas do check").isNotEmpty();
        assertThat(validate("requests.json", requests)).isEmpty();
        assertThat(validate("services.json", services)).isEmpty();
    }

    /** Validates against the published GeoReport v2 schemas (test resources {@code open311/}). */
    private static List<Error> validate(String schema, String json) {
        Schema s = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4)
                .getSchema(SchemaLocation.of("classpath:open311/" + schema));
        return s.validate(json, InputFormat.JSON);
    }

    private void transition(String caseId, int seq, String action, CaseState from, CaseState to, String reason) {
        CaseEvents.publish(bootstrap, caseId, seq, action, from, to, ReportSource.OPEN311, reason);
    }

    @Test
    void shouldPublishEachStatusChangeOnceAsAServiceRequestUpdate() {
        String created = post(form("demo-open311-key", "MANHOLE", "井盖破损")).expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        String id = created.replaceAll(".*\"service_request_id\":\"([^\"]+)\".*", "$1");
        Instant start = Instant.now().minusSeconds(60);

        transition(id, 1, "report", null, CaseState.REPORTED, null);
        transition(id, 2, "route", CaseState.REPORTED, CaseState.ROUTED, null);
        transition(id, 3, "accept", CaseState.ROUTED, CaseState.ACCEPTED, null);
        transition(id, 4, "feedback", CaseState.ACCEPTED, CaseState.FEEDBACK_SUBMITTED, "已更换井盖");
        transition(id, 5, "close", CaseState.FEEDBACK_SUBMITTED, CaseState.CLOSED, null);
        transition(id, 3, "accept", CaseState.ROUTED, CaseState.ACCEPTED, null);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                http.get().uri("/open311/v2/requests/{id}.json", id).exchange().expectBody()
                        .jsonPath("$[0].status").isEqualTo("closed")
                        .jsonPath("$[0].agency_responsible").isEqualTo(CaseEvents.UNIT_NAME)
                        .jsonPath("$[0].status_notes").isEqualTo("已办结：已更换井盖"));
        http.get().uri("/open311/v2/servicerequestupdates.json?start_date={s}", start).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$[?(@.service_request_id == '" + id + "')].status")
                .isEqualTo(List.of("OPEN", "OPEN", "IN_PROGRESS", "IN_PROGRESS", "FIXED"))
                .jsonPath("$[?(@.update_id == '" + id + "-4')].description").isEqualTo(List.of("处理中：已更换井盖"));
    }

    @Test
    void shouldRefuseAMissingKeyAnUnknownServiceAndAPositionOutsideEveryGrid() {
        post(form("wrong-key", "MANHOLE", "x")).expectStatus().isForbidden()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("INVALID_API_KEY");
        post(form("demo-open311-key", "FLYING_SAUCER", "x")).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("UNKNOWN_SERVICE");
        post("api_key=demo-open311-key&service_code=MANHOLE&lat=31.23&long=121.47&description=x")
                .expectStatus().isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT)
                .expectBody().jsonPath("$.code").isEqualTo("OUTSIDE_JURISDICTION");
        post("api_key=demo-open311-key&service_code=MANHOLE&description=x").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("LOCATION_REQUIRED");
    }
}
