package io.gridloop.intake.access;

import io.gridloop.infra.ServiceIntegrationTest;
import io.gridloop.infra.auth.Identity;
import io.gridloop.intake.report.ReportApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Every write is recorded with who, role, area, when and from where — refused attempts too — for ADMIN to read. */
class AuditTrailTest extends ServiceIntegrationTest {

    @Test
    void shouldRecordWritesAndRefusedAttemptsForTheAdministratorsOfTheirArea() {
        Instant from = Instant.now().minusSeconds(1);
        String worker = "gw-audit-" + UUID.randomUUID().toString().substring(0, 8);
        as(Identity.of(worker, List.of("GRID_WORKER"), "150105001001003")).post().uri("/api/v1/events")
                .header("User-Agent", "gridloop-app/2.3").header("X-Forwarded-For", "203.0.113.9").contentType(MediaType.APPLICATION_JSON)
                .body(ReportApiTest.report(UUID.randomUUID().toString(), worker, "150105001001003")).exchange()
                .expectStatus().isAccepted();
        as(Identity.of(worker, List.of("GRID_WORKER"), "150105001001003")).post().uri("/api/v1/events")
                .contentType(MediaType.APPLICATION_JSON)
                .body(ReportApiTest.report(UUID.randomUUID().toString(), worker, "150102001001001")).exchange()
                .expectStatus().isForbidden();
        // Reads of reference data are not recorded; reads of personal data and of the trail are.
        as(Identity.of(worker, List.of("GRID_WORKER"), "150105001001003")).get().uri("/api/v1/areas/150105")
                .exchange().expectStatus().isOk();

        JsonNode page = as(Identity.of("admin-saihan", List.of("ADMIN"), "150105")).get()
                .uri("/api/v1/admin/audit?actor={a}&from={f}", worker, from).exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        List<JsonNode> entries = page.get("items").valueStream().toList();
        assertThat(entries).extracting(e -> e.get("status").asInt()).containsExactly(403, 202);
        assertThat(entries.getLast().get("forwardedFor").isNull()).as("no trusted proxy sent it").isTrue();
        JsonNode accepted = entries.getLast();
        assertThat(accepted.get("method").asString()).isEqualTo("POST");
        assertThat(accepted.get("path").asString()).isEqualTo("/api/v1/events");
        assertThat(accepted.get("service").asString()).isEqualTo("intake-service");
        assertThat(accepted.get("roles").valueStream().map(JsonNode::asString).toList()).containsExactly("GRID_WORKER");
        assertThat(accepted.get("areas").valueStream().map(JsonNode::asString).toList())
                .containsExactly("150105001001003");
        assertThat(accepted.get("remoteAddress").asString()).isIn("127.0.0.1", "0:0:0:0:0:0:0:1");
        assertThat(accepted.get("userAgent").asString()).isEqualTo("gridloop-app/2.3");
        assertThat(accepted.get("traceId").asString()).hasSizeGreaterThanOrEqualTo(16);
        assertThat(Instant.parse(accepted.get("at").asString())).isAfterOrEqualTo(from);

        // 新城区's administrator reads nothing a 赛罕区 grid worker did.
        as(Identity.of("admin-xincheng", List.of("ADMIN"), "150102")).get()
                .uri("/api/v1/admin/audit?actor={a}", worker).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.items.length()").isEqualTo(0);
        // The administrator's own reading is on record.
        as(Identity.of("admin-saihan", List.of("ADMIN"), "150105")).get()
                .uri("/api/v1/admin/audit?actor=admin-saihan&path=/api/v1/admin/audit").exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.items[0].path").isEqualTo("/api/v1/admin/audit");
    }

    /** What is audited is what the application served: encoding a character does not skip it. */
    @Test
    void shouldAuditTheServedPathHoweverItIsEncodedAndMaskCredentials() {
        Identity admin = Identity.of("admin-enc-" + UUID.randomUUID().toString().substring(0, 8), List.of("ADMIN"),
                "150105");
        as(admin).get().uri(java.net.URI.create("http://localhost:" + port + "/api/v1/admin/audi%74?size=1"))
                .exchange().expectStatus().isOk();
        // Personal data: a report read is on record.
        String worker = "gw-read-" + UUID.randomUUID().toString().substring(0, 8);
        Identity gw = Identity.of(worker, List.of("GRID_WORKER"), "150105001001003");
        String eventId = as(gw).post().uri("/api/v1/events").contentType(MediaType.APPLICATION_JSON)
                .body(ReportApiTest.report(UUID.randomUUID().toString(), worker, "150105001001003")).exchange()
                .expectStatus().isAccepted().expectBody(JsonNode.class).returnResult().getResponseBody()
                .get("eventId").asString();
        as(gw).get().uri("/api/v1/events/{id}", eventId).exchange().expectStatus().isOk();
        // An api_key in a query string is a credential, not something for the trail to keep.
        anonymous.post().uri("/open311/v2/requests.json?api_key=demo-open311-key&jurisdiction_id=hohhot")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).body("service_code=NO_SUCH").exchange()
                .expectStatus().isBadRequest();

        Identity reader = Identity.of("admin-reader", List.of("ADMIN"), "CN");
        as(reader).get().uri("/api/v1/admin/audit?actor={a}", admin.username()).exchange().expectBody()
                .jsonPath("$.items[0].path").isEqualTo("/api/v1/admin/audit");
        as(reader).get().uri("/api/v1/admin/audit?actor={a}", worker).exchange().expectBody()
                .jsonPath("$.items[0].method").isEqualTo("GET")
                .jsonPath("$.items[0].path").isEqualTo("/api/v1/events/" + eventId);
        JsonNode open311 = as(reader).get().uri("/api/v1/admin/audit?actor=anonymous&path=/open311&size=1").exchange()
                .expectBody(JsonNode.class).returnResult().getResponseBody().get("items").get(0);
        assertThat(open311.get("query").asString()).contains("api_key=***").doesNotContain("demo-open311-key");
    }

    /** A flood of anonymous refusals is counted, not stored; no page or size makes the trail answer 500. */
    @Test
    void shouldCountAnonymousRefusalsAndNeverAnswer500() {
        Identity reader = Identity.of("admin-flood", List.of("ADMIN"), "CN");
        Instant from = Instant.now();
        String longPath = "/api/v1/" + "x".repeat(7_000);
        for (int i = 0; i < 20; i++) {
            anonymous.post().uri("/api/v1/events").contentType(MediaType.APPLICATION_JSON).body("{}").exchange()
                    .expectStatus().isUnauthorized();
        }
        anonymous.post().uri(longPath).exchange().expectStatus().value(s -> assertThat(s).isIn(400, 401, 404, 414));

        as(reader).get().uri("/api/v1/admin/audit?actor=anonymous&from={f}&path=/api/v1/events", from).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.items.length()").isEqualTo(0);
        String metrics = as(reader).get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(metrics).containsPattern("gridloop_audit_refused_total\\{[^}]*method=\"POST\"[^}]*status=\"401\"");

        for (String query : List.of("page=2147483647&size=500", "page=10001", "page=-1", "size=0", "size=501",
                "page=99999999999", "size=abc")) {
            as(reader).get().uri("/api/v1/admin/audit?" + query).exchange().expectStatus().isBadRequest()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        }
        as(reader).get().uri("/api/v1/admin/audit?page=10000&size=500").exchange().expectStatus().isOk();
        anonymous.get().uri("/error").exchange().expectStatus().isNotFound();
    }
}
