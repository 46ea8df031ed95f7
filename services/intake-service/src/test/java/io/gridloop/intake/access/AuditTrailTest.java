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
                .header("User-Agent", "gridloop-app/2.3").contentType(MediaType.APPLICATION_JSON)
                .body(ReportApiTest.report(UUID.randomUUID().toString(), worker, "150105001001003")).exchange()
                .expectStatus().isAccepted();
        as(Identity.of(worker, List.of("GRID_WORKER"), "150105001001003")).post().uri("/api/v1/events")
                .contentType(MediaType.APPLICATION_JSON)
                .body(ReportApiTest.report(UUID.randomUUID().toString(), worker, "150102001001001")).exchange()
                .expectStatus().isForbidden();
        // Reads are not recorded, but reading the trail is.
        as(Identity.of(worker, List.of("GRID_WORKER"), "150105001001003")).get().uri("/api/v1/areas/150105")
                .exchange().expectStatus().isOk();

        JsonNode page = as(Identity.of("admin-saihan", List.of("ADMIN"), "150105")).get()
                .uri("/api/v1/admin/audit?actor={a}&from={f}", worker, from).exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        List<JsonNode> entries = page.get("items").valueStream().toList();
        assertThat(entries).extracting(e -> e.get("status").asInt()).containsExactly(403, 202);
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
}
