package io.gridloop.stats.access;

import io.gridloop.contracts.EventCodec;
import io.gridloop.contracts.Topics;
import io.gridloop.contracts.event.CaseTransitioned;
import io.gridloop.contracts.EventEnvelope;
import io.gridloop.infra.AccessMatrix;
import io.gridloop.stats.Counted;
import io.gridloop.stats.generations.Generations;
import io.gridloop.infra.ServiceIntegrationTest;
import io.gridloop.infra.TopicWriter;
import io.gridloop.infra.auth.Identity;
import io.gridloop.stats.CaseHistories;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.awaitility.Awaitility.await;

/**
 * Statistics' endpoints × supervisors and dispatch centres of two districts, the other roles × anonymous: each
 * reads its own district's figures, is refused another's, and finds no row of another district in tables and
 * exports that span several.
 */
class StatsAccessMatrixTest extends ServiceIntegrationTest {

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.context.ApplicationContext context;

    @org.springframework.beans.factory.annotation.Autowired
    Generations generations;

    private final EventCodec codec = new EventCodec();

    private RestTestClient client(Identity who) {
        return who == null ? anonymous : as(who);
    }

    private void publish(String district) {
        CaseHistories histories = new CaseHistories(district.hashCode(), district);
        List<Map.Entry<String, byte[]>> records = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            for (EventEnvelope<CaseTransitioned> t : histories.next(district + "-m" + i).transitions()) {
                records.add(Map.entry(t.subject(), codec.encode(t)));
            }
        }
        TopicWriter.sendAll(bootstrap, Topics.CASE_TRANSITIONED.name(), records);
    }

    @Test
    void shouldShowEachAreaOnlyToItsOwnSupervisorsAndCentres() {
        String d = CaseHistories.freshDistrict();
        String other = CaseHistories.freshDistrict();
        publish(d);
        publish(other);
        Counted.awaitAll(bootstrap, generations);
        String sv = "SUPERVISOR@" + d;
        String op = "OPERATOR@" + d;
        String svOther = "SUPERVISOR@" + other;
        String opOther = "OPERATOR@" + other;
        Set<String> readers = Set.of(sv, op, svOther, opOther);
        Set<String> mine = Set.of(sv, op);

        // Scoring rules of the district, so that its in-force rules exist for those who may read them.
        as(Identity.of("admin-in", List.of("ADMIN"), d)).post().uri("/api/v1/assessment/rules")
                .contentType(MediaType.APPLICATION_JSON)
                .body(io.gridloop.stats.assessment.AssessmentRulesApiTest.rules(d, "2026-01", "70", "85").formatted(0))
                .exchange().expectStatus().isCreated();

        // A grid worker of the district on the roster, for the calls that read or remove them.
        String grid = as(Identity.of("sv-in", List.of("SUPERVISOR"), d)).get()
                .uri("/api/v1/stats/completion?level=grid&parent={d}&period=2026", d).exchange().expectStatus().isOk()
                .expectBody(tools.jackson.databind.JsonNode.class).returnResult().getResponseBody()
                .at("/rows/0/areaCode").asString();
        String worker = "gw-matrix-" + d;
        as(Identity.of("admin-in", List.of("ADMIN"), d)).put().uri("/api/v1/assessment/grid-workers/{w}", worker)
                .contentType(MediaType.APPLICATION_JSON).body("{\"name\":\"测试网格员\",\"gridCodes\":[\"" + grid + "\"]}")
                .exchange().expectStatus().isOk();
        // The matrix's grid worker is on the roster too, to read their own month.
        as(Identity.of("admin-in", List.of("ADMIN"), d)).put().uri("/api/v1/assessment/grid-workers/{w}", "gw-in")
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"name\":\"矩阵网格员\",\"gridCodes\":[\"" + grid + "\"],\"since\":\"2026-01\"}")
                .exchange().expectStatus().isOk();

        new AccessMatrix(this::client).serving(AccessMatrix.endpointsOf(context))
                .caller(sv, Identity.of("sv-in", List.of("SUPERVISOR"), d))
                .caller(op, Identity.of("op-in", List.of("OPERATOR"), d))
                .caller(svOther, Identity.of("sv-out", List.of("SUPERVISOR"), other))
                .caller(opOther, Identity.of("op-out", List.of("OPERATOR"), other))
                .caller("HANDLER@" + d, Identity.of("h-in", List.of("HANDLER"), d).withUnit(d + "-WATER"))
                .caller("ADMIN@" + d, Identity.of("admin-in", List.of("ADMIN"), d))
                .caller("GRID_WORKER@" + d, Identity.of("gw-in", List.of("GRID_WORKER"), d + "001001001"))
                .caller("REPORTER_APP@" + d, Identity.of("app-in", List.of("REPORTER_APP"), d))
                .caller("MONITOR@CN", Identity.of("prometheus", List.of("MONITOR"), "CN"))
                .call("GET /completion?level=district", c -> c.get()
                                .uri("/api/v1/stats/completion?level=district&period=2026").exchange(),
                        readers, d, mine)
                .call("GET /completion?level=street&parent=" + d, c -> c.get()
                        .uri("/api/v1/stats/completion?level=street&parent={d}&period=2026", d).exchange(), sv, op)
                .call("GET /areas/" + d, c -> c.get().uri("/api/v1/stats/areas/{d}?period=2026", d).exchange(), sv, op)
                .call("GET /areas/" + d + "/split", c -> c.get().uri("/api/v1/stats/areas/{d}/split?period=2026", d)
                        .exchange(), sv, op)
                .call("GET /trend?area=" + d, c -> c.get().uri("/api/v1/stats/trend?area={d}&to=2026-11", d)
                        .exchange(), sv, op)
                .call("GET /overdue?area=" + d, c -> c.get().uri("/api/v1/stats/overdue?area={d}", d).exchange(),
                        sv, op)
                .call("GET /overdue (everywhere)", c -> c.get().uri("/api/v1/stats/overdue?size=200").exchange(),
                        readers, d, mine)
                .call("GET /zero-complaint?parent=" + d, c -> c.get()
                        .uri("/api/v1/stats/zero-complaint?parent={d}&period=2026-Q2", d).exchange(), sv, op)
                .call("GET /town-quotas?parent=" + d, c -> c.get()
                        .uri("/api/v1/stats/town-quotas?parent={d}&period=2026-Q2", d).exchange(), sv, op)
                .call("GET /zero-complaint/export?parent=" + d, c -> c.get()
                        .uri("/api/v1/stats/zero-complaint/export?parent={d}&period=2026-Q2", d).exchange(), sv, op)
                .call("GET /completion/export (csv, districts)", c -> c.get()
                                .uri("/api/v1/stats/completion/export?format=csv&level=district&period=2026").exchange(),
                        readers, d, mine)
                .call("GET /formulas", c -> c.get().uri("/api/v1/stats/formulas").exchange(),
                        sv, op, svOther, opOther, "HANDLER@" + d, "ADMIN@" + d, "GRID_WORKER@" + d,
                        "REPORTER_APP@" + d, "MONITOR@CN")
                .call("GET /assessment/measures", c -> c.get().uri("/api/v1/assessment/measures").exchange(),
                        sv, op, svOther, opOther, "ADMIN@" + d, "GRID_WORKER@" + d)
                .call("GET /assessment/rules?programme=" + d, c -> c.get()
                        .uri("/api/v1/assessment/rules?programme={d}", d).exchange(), sv, op, svOther, opOther,
                        "ADMIN@" + d)
                .call("GET /assessment/rules/in-force in " + d, c -> c.get()
                        .uri("/api/v1/assessment/rules/in-force?areaCode={d}&month=2026-12", d).exchange(), sv, op,
                        "ADMIN@" + d)
                // Only an administrator of the programme's area gets past the checks (here to 422: no rules given).
                .call("POST /assessment/rules for " + d, c -> c.post().uri("/api/v1/assessment/rules")
                        .contentType(MediaType.APPLICATION_JSON)
                        .body("{\"rules\":{\"programme\":\"" + d + "\"},\"basedOnVersion\":0}").exchange(),
                        "ADMIN@" + d)
                .call("GET /assessment/grid-workers?areaCode=" + d, c -> c.get()
                        .uri("/api/v1/assessment/grid-workers?areaCode={d}", d).exchange(), sv, op, "ADMIN@" + d)
                .call("PUT /assessment/grid-workers/{id} in " + d, c -> c.put()
                        .uri("/api/v1/assessment/grid-workers/{w}", "gw-new-" + d).contentType(MediaType.APPLICATION_JSON)
                        .body("{\"name\":\"新网格员\",\"gridCodes\":[\"" + grid + "\"]}").exchange(), "ADMIN@" + d)
                .call("DELETE /assessment/grid-workers/{id} in " + d, c -> c.delete()
                        .uri("/api/v1/assessment/grid-workers/{w}", worker).exchange(), "ADMIN@" + d)
                .call("GET /grid-workers?areaCode=" + d, c -> c.get()
                        .uri("/api/v1/stats/grid-workers?areaCode={d}&month=2026-03", d).exchange(), sv, op)
                .call("GET /grid-workers/me", c -> c.get().uri("/api/v1/stats/grid-workers/me?month=2026-03")
                        .exchange(), "GRID_WORKER@" + d)
                .call("GET /grid-workers/summary?areaCode=" + d, c -> c.get()
                        .uri("/api/v1/stats/grid-workers/summary?areaCode={d}&month=2026-03", d).exchange(), sv, op)
                .call("GET /grid-workers/export?areaCode=" + d, c -> c.get()
                        .uri("/api/v1/stats/grid-workers/export?areaCode={d}&month=2026-03", d).exchange(), sv, op)
                .call("GET /grid-workers/summary/export?areaCode=" + d, c -> c.get()
                        .uri("/api/v1/stats/grid-workers/summary/export?areaCode={d}&month=2026-03", d).exchange(),
                        sv, op)
                .call("GET /grid-grades?parent=" + d, c -> c.get()
                        .uri("/api/v1/stats/grid-grades?parent={d}&period=2026-Q1", d).exchange(), sv, op)
                .call("GET /grid-workers/dismissal-warnings?areaCode=" + d, c -> c.get()
                        .uri("/api/v1/stats/grid-workers/dismissal-warnings?areaCode={d}&month=2026-03", d)
                        .exchange(), sv, op)
                .call("GET /actuator/prometheus", c -> c.get().uri("/actuator/prometheus").exchange(),
                        "MONITOR@CN", "ADMIN@" + d)
                .call("GET /admin/audit", c -> c.get().uri("/api/v1/admin/audit").exchange(), "ADMIN@" + d)
                .call("GET /admin/stats/rebuild", c -> c.get().uri("/api/v1/admin/stats/rebuild").exchange(),
                        "ADMIN@" + d)
                // A district's administrator may not recount the whole installation (StatsRebuildTest: one who may).
                .call("POST /admin/stats/rebuild", c -> c.post().uri("/api/v1/admin/stats/rebuild").exchange())
                .verify();

        // Every export is on record: who took which table.
        as(Identity.of("admin-audit", List.of("ADMIN"), "CN")).get()
                .uri("/api/v1/admin/audit?actor=sv-in&path=/api/v1/stats/completion/export").exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.items.length()").isEqualTo(1)
                .jsonPath("$.items[0].status").isEqualTo(200)
                .jsonPath("$.items[0].roles[0]").isEqualTo("SUPERVISOR")
                .jsonPath("$.items[0].query").isEqualTo("format=csv&level=district&period=2026");
    }
}
