package io.gridloop.dispatch.access;

import io.gridloop.contracts.EventCodec;
import io.gridloop.contracts.EventEnvelope;
import io.gridloop.contracts.ServiceNames;
import io.gridloop.contracts.Topics;
import io.gridloop.contracts.event.EventReported;
import io.gridloop.dispatch.Areas;
import io.gridloop.dispatch.Reports;
import io.gridloop.dispatch.casestore.CaseFiles;
import io.gridloop.dispatch.unit.UnitDirectory;
import io.gridloop.dispatch.lifecycle.CaseFile;
import io.gridloop.infra.AccessMatrix;
import io.gridloop.infra.ServiceIntegrationTest;
import io.gridloop.infra.TopicWriter;
import io.gridloop.infra.auth.Identity;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Dispatch's endpoints × every role inside 赛罕区 (150105), inside 新城区 (150102), the unit working the case and
 * another unit × anonymous. Cases outside a caller's reach do not exist for them (404); a unit takes its own
 * actions on its own cases, the centre every action in its area, a supervisor only reads. The actions tried here
 * do not fit a routed case (409), so the matrix changes nothing while it checks who gets that far.
 */
class DispatchAccessMatrixTest extends ServiceIntegrationTest {

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.context.ApplicationContext context;

    private static final String GRID = "150105001001003";

    @Autowired
    CaseFiles cases;

    private RestTestClient client(Identity who) {
        return who == null ? anonymous : as(who);
    }

    private CaseFile routedCase() {
        String id = UUID.randomUUID().toString();
        Instant now = Instant.now();
        EventReported event = Reports.of(id, "WATER_SUPPLY", GRID, "赛罕区", now);
        TopicWriter.send(bootstrap, Topics.EVENT_REPORTED.name(), id, new EventCodec().encode(
                EventEnvelope.of(Topics.EVENT_REPORTED, id, ServiceNames.INTAKE, now, id, event)));
        return await().atMost(Duration.ofSeconds(30)).until(() -> cases.find(id).orElse(null),
                c -> c != null && c.handling().unitCode() != null && c.outbox().isEmpty());
    }

    @Autowired
    UnitDirectory units;

    @Test
    void shouldLetEachRoleSeeAndActOnlyWhereItMay() {
        Areas.registerGrid(bootstrap, GRID, "赛罕区");
        await().atMost(Duration.ofSeconds(30)).until(() -> units.find(GRID).isPresent());
        CaseFile routed = routedCase();
        String id = routed.id();
        String unit = routed.handling().unitCode();
        assertThat(unit).startsWith("150105");
        String otherUnit = unit.equals("150105-GAS") ? "150105-WATER" : "150105-GAS";
        String handler = "HANDLER@" + unit;
        String otherHandler = "HANDLER@" + otherUnit;
        // A result photo the unit's handler took with the feedback of another case of the unit: whoever may read
        // that case may read the photo.
        CaseFile done = routedCase();
        Identity unitsHandler = Identity.of("h-in", List.of("HANDLER"), "150105").withUnit(done.handling().unitCode());
        tools.jackson.databind.JsonNode photo = as(unitsHandler).post().uri("/api/v1/photos")
                .contentType(MediaType.MULTIPART_FORM_DATA).body(io.gridloop.infra.TestPhotos.form((byte) 1)).exchange().expectStatus().isCreated()
                .expectBody(tools.jackson.databind.JsonNode.class).returnResult().getResponseBody().get(0);
        String photoUrl = photo.get("url").asString();
        as(unitsHandler).post().uri("/api/v1/cases/{id}/actions/accept", done.id())
                .contentType(MediaType.APPLICATION_JSON).body("{}").exchange().expectStatus().isOk();
        as(unitsHandler).post().uri("/api/v1/cases/{id}/actions/feedback", done.id())
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"comment\":\"已修复\",\"photoIds\":[\"" + photo.get("id").asString() + "\"]}").exchange()
                .expectStatus().isOk();
        Set<String> signedIn = Set.of("OPERATOR@150105", "OPERATOR@150102", "SUPERVISOR@150105",
                "SUPERVISOR@150102", handler, otherHandler, "ADMIN@150105", "GRID_WORKER@" + GRID,
                "REPORTER_APP@150105", "MONITOR@1501");

        new AccessMatrix(this::client).serving(AccessMatrix.endpointsOf(context))
                .caller("OPERATOR@150105", Identity.of("op-in", List.of("OPERATOR"), "150105"))
                .caller("OPERATOR@150102", Identity.of("op-out", List.of("OPERATOR"), "150102"))
                .caller("SUPERVISOR@150105", Identity.of("sv-in", List.of("SUPERVISOR"), "150105"))
                .caller("SUPERVISOR@150102", Identity.of("sv-out", List.of("SUPERVISOR"), "150102"))
                .caller(handler, Identity.of("h-in", List.of("HANDLER"), "150105").withUnit(unit))
                .caller(otherHandler, Identity.of("h-other", List.of("HANDLER"), "150105").withUnit(otherUnit))
                .caller("ADMIN@150105", Identity.of("admin-in", List.of("ADMIN"), "150105"))
                .caller("GRID_WORKER@" + GRID, Identity.of("gw-in", List.of("GRID_WORKER"), GRID))
                .caller("REPORTER_APP@150105", Identity.of("app-in", List.of("REPORTER_APP"), "150105"))
                .caller("MONITOR@1501", Identity.of("prometheus", List.of("MONITOR"), "1501"))
                .call("GET /cases/{id}", c -> c.get().uri("/api/v1/cases/{id}", id).exchange(),
                        "OPERATOR@150105", "SUPERVISOR@150105", handler)
                .call("GET /cases/{id}/timeline", c -> c.get().uri("/api/v1/cases/{id}/timeline", id).exchange(),
                        "OPERATOR@150105", "SUPERVISOR@150105", handler)
                .call("POST feedback (a unit's action)", c -> act(c, id, "feedback"), "OPERATOR@150105", handler)
                .call("POST close (the centre's review)", c -> act(c, id, "close"), "OPERATOR@150105")
                .call("POST approve-extension (the centre's)", c -> act(c, id, "approve-extension"), "OPERATOR@150105")
                .call("POST an unknown action", c -> act(c, id, "no-such-action"), "OPERATOR@150105", handler)
                .call("GET /queues/{unit}", c -> c.get().uri("/api/v1/queues/{u}", unit).exchange(),
                        Set.of("OPERATOR@150105", handler), id, Set.of("OPERATOR@150105", handler))
                .call("GET /queues/{other unit}", c -> c.get().uri("/api/v1/queues/{u}", otherUnit).exchange(),
                        "OPERATOR@150105", otherHandler)
                .call("GET /cases/{id}/units", c -> c.get().uri("/api/v1/cases/{id}/units?action=reassign", id)
                        .exchange(), "OPERATOR@150105", handler)
                .call("GET /units", c -> c.get().uri("/api/v1/units?size=500").exchange(),
                        Set.of("OPERATOR@150105", "OPERATOR@150102", "SUPERVISOR@150105", "SUPERVISOR@150102",
                                handler, otherHandler, "ADMIN@150105"), GRID,
                        Set.of("OPERATOR@150105", "SUPERVISOR@150105", handler, otherHandler, "ADMIN@150105"))
                .call("GET /units/{code}", c -> c.get().uri("/api/v1/units/{code}", GRID).exchange(),
                        "OPERATOR@150105", "SUPERVISOR@150105", handler, otherHandler, "ADMIN@150105")
                // An empty name: an administrator of the district gets as far as the validation (400).
                .call("PUT /admin/units/{code}", c -> c.put().uri("/api/v1/admin/units/150105-MATRIX")
                        .contentType(MediaType.APPLICATION_JSON).body("{\"name\":\"\",\"active\":true}")
                        .exchange(), "ADMIN@150105")
                // An empty name again: who gets as far as the validation (400).
                .call("PUT /admin/units/{code}/members", c -> c.put().uri("/api/v1/admin/units/{u}/members", unit)
                        .contentType(MediaType.APPLICATION_JSON)
                        .body("{\"members\":[{\"username\":\"x\",\"name\":\"\"}]}").exchange(), "ADMIN@150105")
                .call("GET /triage/150105", c -> c.get().uri("/api/v1/triage/150105").exchange(), "OPERATOR@150105")
                .call("GET /worklist", c -> c.get().uri("/api/v1/worklist?area=150105&unit={u}", unit).exchange(),
                        Set.of("OPERATOR@150105", "SUPERVISOR@150105"), id,
                        Set.of("OPERATOR@150105", "SUPERVISOR@150105"))
                .call("GET /worklist/counts", c -> c.get().uri("/api/v1/worklist/counts?area=150105").exchange(),
                        "OPERATOR@150105", "SUPERVISOR@150105")
                .call("GET /worklist/closed", c -> c.get().uri("/api/v1/worklist/closed?area=150105").exchange(),
                        "OPERATOR@150105", "SUPERVISOR@150105")
                .call("GET /search", c -> c.get().uri("/api/v1/search?area=150105&q=漏水").exchange(),
                        "OPERATOR@150105", "SUPERVISOR@150105")
                .call("GET /supervisions", c -> c.get().uri("/api/v1/supervisions").exchange(),
                        "OPERATOR@150105", "OPERATOR@150102", "SUPERVISOR@150105", "SUPERVISOR@150102")
                .call("GET /admin/routing-rules", c -> c.get().uri("/api/v1/admin/routing-rules").exchange(),
                        "ADMIN@150105", "OPERATOR@150105", "OPERATOR@150102")
                // Invalid bodies: an administrator gets past the checks to the validation (400/422), nobody
                // changes anything.
                .call("PUT /admin/routing-rules", c -> c.put().uri("/api/v1/admin/routing-rules")
                        .contentType(MediaType.APPLICATION_JSON).body("{\"rules\":\"none\"}").exchange(), "ADMIN@150105")
                .call("GET /admin/routing-rules/versions", c -> c.get()
                        .uri("/api/v1/admin/routing-rules/versions").exchange(),
                        "ADMIN@150105", "OPERATOR@150105", "OPERATOR@150102")
                .call("GET /admin/routing-rules/versions/1", c -> c.get()
                        .uri("/api/v1/admin/routing-rules/versions/1").exchange(),
                        "ADMIN@150105", "OPERATOR@150105", "OPERATOR@150102")
                .call("GET /routing/decision", c -> c.get().uri("/api/v1/routing/decision?subCategory=WATER_SUPPLY"
                                + "&category=LIVELIHOOD&level=DISTRICT&gridCode=" + GRID).exchange(),
                        "ADMIN@150105", "OPERATOR@150105", "OPERATOR@150102")
                .call("GET /admin/calendars", c -> c.get().uri("/api/v1/admin/calendars").exchange(), "ADMIN@150105")
                .call("GET /admin/calendars/2026", c -> c.get().uri("/api/v1/admin/calendars/2026").exchange(),
                        "ADMIN@150105")
                .call("PUT /admin/calendars/2030", c -> c.put().uri("/api/v1/admin/calendars/2030")
                        .contentType(MediaType.APPLICATION_JSON).body("{\"holidays\":\"none\"}").exchange(),
                        "ADMIN@150105")
                .call("GET /calendar/days/{date}", c -> c.get().uri("/api/v1/calendar/days/2026-10-01").exchange(),
                        signedIn.toArray(String[]::new))
                .call("GET /calendar/deadlines", c -> c.get().uri(DEADLINES).exchange(), signedIn.toArray(String[]::new))
                .call("GET /vocabulary", c -> c.get().uri("/api/v1/vocabulary").exchange(),
                        signedIn.toArray(String[]::new))
                // Photos: any of the roles that take them may upload; a photo is read by whoever may read the case
                // it is attached to (a result photo of this case, uploaded by the unit's handler).
                .call("POST /photos", c -> c.post().uri("/api/v1/photos").contentType(MediaType.MULTIPART_FORM_DATA)
                                .body(io.gridloop.infra.TestPhotos.form((byte) 1)).exchange(),
                        "OPERATOR@150105", "OPERATOR@150102", handler, otherHandler, "GRID_WORKER@" + GRID,
                        "REPORTER_APP@150105")
                // The case's grid's workers see what was done there (处理后照片 on their phones).
                .call("GET /photos/{id} of the case", c -> c.get().uri(photoUrl).exchange(),
                        "OPERATOR@150105", "SUPERVISOR@150105", handler, "GRID_WORKER@" + GRID)
                .call("GET /photos/{id}/info of the case", c -> c.get().uri(photoUrl + "/info").exchange(),
                        "OPERATOR@150105", "SUPERVISOR@150105", handler, "GRID_WORKER@" + GRID)
                .call("GET /actuator/prometheus", c -> c.get().uri("/actuator/prometheus").exchange(),
                        "MONITOR@1501", "ADMIN@150105")
                .call("GET /admin/audit", c -> c.get().uri("/api/v1/admin/audit").exchange(), "ADMIN@150105")
                .verify();

        assertThat(cases.find(id).orElseThrow().state()).isEqualTo(routed.state());
    }

    @Test
    void shouldOfferEachCallerOnlyTheActionsTheyMayTakeNow() {
        CaseFile routed = routedCase();
        String id = routed.id();
        as(Identity.of("h-offer", List.of("HANDLER"), "150105").withUnit(routed.handling().unitCode())).get()
                .uri("/api/v1/cases/{id}", id).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.allowedActions").isEqualTo(List.of("accept", "assign", "claim", "escalate", "return"));
        as(Identity.of("sv-offer", List.of("SUPERVISOR"), "150105")).get().uri("/api/v1/cases/{id}", id).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.allowedActions").isEmpty();
        as(Identity.of("op-offer", List.of("OPERATOR"), "150105")).get().uri("/api/v1/cases/{id}", id).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.allowedActions").value(actions ->
                        assertThat((List<Object>) actions).contains("reassign", "invalidate", "merge", "suspend", "accept"));
        // After the unit's own action, its answer offers what it may do next.
        as(Identity.of("h-offer", List.of("HANDLER"), "150105").withUnit(routed.handling().unitCode())).post()
                .uri("/api/v1/cases/{id}/actions/accept", id).contentType(MediaType.APPLICATION_JSON).body("{}")
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.allowedActions").isEqualTo(List.of("assign", "claim", "escalate", "feedback",
                        "request-extension"));
    }

    @Test
    void shouldRecordWhoActedAndInWhichRoleFromTheToken() {
        CaseFile routed = routedCase();
        as(Identity.of("h-accept", List.of("HANDLER"), "150105").withUnit(routed.handling().unitCode())).post()
                .uri("/api/v1/cases/{id}/actions/accept", routed.id()).contentType(MediaType.APPLICATION_JSON)
                // What the body claims about the actor is not believed.
                .body("{\"actor\":\"someone-else\",\"role\":\"OPERATOR\"}").exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.timeline[-1:].actor").isEqualTo(List.of("h-accept"))
                .jsonPath("$.timeline[-1:].role").isEqualTo(List.of("HANDLER"));
        as(Identity.of("op-feedback", List.of("OPERATOR"), "150105")).post()
                .uri("/api/v1/cases/{id}/actions/feedback", routed.id()).contentType(MediaType.APPLICATION_JSON)
                .body("{\"comment\":\"部门电话反馈已处理，中心代录\"}").exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.timeline[-1:].actor").isEqualTo(List.of("op-feedback"))
                .jsonPath("$.timeline[-1:].role").isEqualTo(List.of("OPERATOR"));

        // Both transitions are in the audit trail too, with the role each acted in, and so is a rule change tried.
        Identity admin = Identity.of("admin-audit", List.of("ADMIN"), "150105");
        as(admin).put().uri("/api/v1/admin/routing-rules").contentType(MediaType.APPLICATION_JSON)
                .body("{\"rules\":\"none\"}").exchange().expectStatus().is4xxClientError();
        as(admin).get().uri("/api/v1/admin/audit?path=/api/v1/cases/{id}/actions", routed.id()).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.items[*].actor").isEqualTo(List.of("op-feedback", "h-accept"))
                .jsonPath("$.items[*].roles[0]").isEqualTo(List.of("OPERATOR", "HANDLER"))
                .jsonPath("$.items[*].status").isEqualTo(List.of(200, 200));
        as(Identity.of("admin-city", List.of("ADMIN"), "1501")).get()
                .uri("/api/v1/admin/audit?actor=admin-audit&path=/api/v1/admin/routing-rules").exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.items[0].method").isEqualTo("PUT")
                .jsonPath("$.items[0].status").isEqualTo(400);
    }

    private static RestTestClient.ResponseSpec act(RestTestClient c, String id, String action) {
        return c.post().uri("/api/v1/cases/{id}/actions/{a}", id, action).contentType(MediaType.APPLICATION_JSON)
                .body("{\"comment\":\"矩阵测试\"}").exchange();
    }

    /**
     * An account that is both the area's centre and the handling unit (a street centre that dispatches and
     * handles) does its unit's work, but does not judge it: closing, rework and extension decisions are another
     * centre's.
     */
    @Test
    void shouldNotLetAUnitReviewItsOwnWork() {
        CaseFile routed = routedCase();
        String id = routed.id();
        Identity both = Identity.of("centre-and-unit", List.of("OPERATOR", "HANDLER"), "150105")
                .withUnit(routed.handling().unitCode());
        as(both).post().uri("/api/v1/cases/{id}/actions/accept", id).contentType(MediaType.APPLICATION_JSON)
                .body("{}").exchange().expectStatus().isOk();
        as(both).post().uri("/api/v1/cases/{id}/actions/feedback", id).contentType(MediaType.APPLICATION_JSON)
                .body("{\"comment\":\"已修复\"}").exchange().expectStatus().isOk();

        for (String review : List.of("close", "rework")) {
            as(both).post().uri("/api/v1/cases/{id}/actions/{a}", id, review).contentType(MediaType.APPLICATION_JSON)
                    .body("{\"comment\":\"自己复核\"}").exchange().expectStatus().isForbidden()
                    .expectBody().jsonPath("$.code").isEqualTo("FORBIDDEN")
                    .jsonPath("$.detail").value(d -> assertThat((String) d).contains("不能复核本单位"));
        }
        as(Identity.of("op-in", List.of("OPERATOR"), "150105")).post().uri("/api/v1/cases/{id}/actions/close", id)
                .contentType(MediaType.APPLICATION_JSON).body("{}").exchange().expectStatus().isOk();
    }

    private static final String DEADLINES =
            "/api/v1/calendar/deadlines?reportedAt=2026-10-08T01:00:00Z&complexity=GENERAL";
}
