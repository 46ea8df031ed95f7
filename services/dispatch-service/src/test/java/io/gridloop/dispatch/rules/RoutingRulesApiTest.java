package io.gridloop.dispatch.rules;

import io.gridloop.infra.auth.Identity;
import tools.jackson.databind.json.JsonMapper;
import io.gridloop.contracts.EventCodec;
import io.gridloop.contracts.EventEnvelope;
import io.gridloop.contracts.ServiceNames;
import io.gridloop.contracts.Topics;
import io.gridloop.contracts.catalogue.SubCategory;
import io.gridloop.contracts.event.CaseState;
import io.gridloop.contracts.event.Complexity;
import io.gridloop.contracts.event.EventCategory;
import io.gridloop.contracts.event.EventReported;
import io.gridloop.contracts.area.AreaLevel;
import io.gridloop.contracts.event.ReportSource;
import io.gridloop.contracts.event.Urgency;
import io.gridloop.dispatch.Areas;
import io.gridloop.dispatch.Reports;
import io.gridloop.dispatch.casestore.CaseFiles;
import io.gridloop.dispatch.lifecycle.CaseFile;
import io.gridloop.dispatch.routing.RoutingRule;
import io.gridloop.dispatch.routing.RuleTarget;
import io.gridloop.dispatch.unit.UnitDirectory;
import io.gridloop.infra.ServiceIntegrationTest;
import io.gridloop.infra.TopicWriter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class RoutingRulesApiTest extends ServiceIntegrationTest {

    @Autowired
    RoutingRules rules;

    @Autowired
    CaseFiles cases;

    @Autowired
    UnitDirectory units;

    private final EventCodec codec = new EventCodec();
    private final JsonMapper json = JsonMapper.builder().build();

    /** A district of its own, so area rules and the triage queue hold only this test's cases. */
    private final String district = "9" + ThreadLocalRandom.current().nextInt(10_000, 100_000);

    private RestTestClient.ResponseSpec putRules(long basedOn, List<RoutingRule> newRules) {
        return as(Identity.of("admin-1", List.of("ADMIN"), "CN")).put().uri("/api/v1/admin/routing-rules")
                .contentType(MediaType.APPLICATION_JSON)
                .body(json.writeValueAsString(Map.of("basedOnVersion", basedOn, "rules", newRules,
                        "comment", "测试")))
                .exchange();
    }

    /**
     * Takes the action signed in as the body's {@code actor}: a handler of the unit the case is with when the
     * body says {@code "role":"HANDLER"}, else a dispatch-centre operator.
     */
    private RestTestClient.ResponseSpec act(String caseId, String action, String body) {
        var request = JsonMapper.builder().build().readTree(body);
        String actor = request.path("actor").asString("op-1");
        Identity who = Identity.of(actor, List.of("OPERATOR"), "CN");
        if ("HANDLER".equals(request.path("role").asString(""))) {
            String unit = http.get().uri("/api/v1/cases/{id}", caseId).exchange().expectStatus().isOk()
                    .returnResult(tools.jackson.databind.JsonNode.class).getResponseBody().path("handlingUnit")
                    .asString();
            who = Identity.of(actor, List.of("HANDLER"), unit.substring(0, 6)).withUnit(unit);
        }
        return as(who).post().uri("/api/v1/cases/{id}/actions/{action}", caseId, action)
                .contentType(MediaType.APPLICATION_JSON).body(body).exchange();
    }

    private void publish(EventReported event) {
        TopicWriter.send(bootstrap, Topics.EVENT_REPORTED.name(), event.eventId(), codec.encode(EventEnvelope.of(
                Topics.EVENT_REPORTED, event.eventId(), ServiceNames.INTAKE, event.reportedAt(), event.eventId(),
                event)));
    }

    /** Registers the grid's areas with the registry and waits until their centres are in the unit directory. */
    private void registerGrid(String grid) {
        Areas.registerGrid(bootstrap, grid, "测试区");
        await().atMost(Duration.ofSeconds(30)).until(() -> units.find(grid).isPresent());
    }

    private CaseFile awaitCase(String id) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> cases.find(id).orElse(null),
                c -> c != null && c.outbox().isEmpty());
    }

    @Test
    void shouldServeTheCurrentRulesAndTheirHistory() {
        long version = rules.current().rules().version();

        http.get().uri("/api/v1/admin/routing-rules").exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.version").isEqualTo((int) version)
                .jsonPath("$.rules[?(@.id == 'dept-water-supply')].target.department").isEqualTo("WATER");
        http.get().uri("/api/v1/admin/routing-rules/versions?size=5").exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.items[0].version").isEqualTo((int) version);
        http.get().uri("/api/v1/admin/routing-rules/versions/1").exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.changedBy").isEqualTo("system");
        http.get().uri("/api/v1/admin/routing-rules/versions/99999").exchange()
                .expectStatus().isNotFound().expectBody().jsonPath("$.code")
                .isEqualTo("ROUTING_RULES_VERSION_NOT_FOUND");
    }

    @Test
    void shouldRefuseRulesThatLeaveASubCategoryUnroutable() {
        long version = rules.current().rules().version();
        List<RoutingRule> onlyWater = List.of(new RoutingRule("water", "WATER_SUPPLY", null, null, "",
                RuleTarget.department("WATER", "水务局"), null));

        putRules(version, onlyWater).expectStatus().isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code").isEqualTo("INVALID_ROUTING_RULES")
                .jsonPath("$.errors[0].field").isEqualTo("rules")
                .jsonPath("$.errors[?(@.message =~ /.*SANITATION.*/)]").exists();
        assertThat(rules.current().rules().version()).as("nothing stored").isEqualTo(version);
    }

    @Test
    void shouldRefuseAChangeMadeOnAnOutdatedVersion() {
        long version = rules.current().rules().version();

        putRules(version - 1, rules.current().rules().rules()).expectStatus().isEqualTo(HttpStatus.CONFLICT)
                .expectBody()
                .jsonPath("$.code").isEqualTo("ROUTING_RULES_CHANGED")
                .jsonPath("$.currentVersion").isEqualTo((int) version);
    }

    @Test
    void shouldRouteByANewAreaRuleRecordItAndRefuseToSendAReturnedCaseBack() {
        long version = rules.current().rules().version();
        List<RoutingRule> changed = new ArrayList<>(rules.current().rules().rules());
        changed.add(new RoutingRule("noise-" + district, "NOISE", null, null, district,
                new RuleTarget(RuleTarget.Kind.UNIT, AreaLevel.STREET, null, district + "-PS", "测试派出所"),
                "噪音扰民由派出所处置"));
        putRules(version, changed).expectStatus().isOk().expectBody()
                .jsonPath("$.version").isEqualTo((int) version + 1)
                .jsonPath("$.changedBy").isEqualTo("admin-1");

        registerGrid(district + "001002003");
        String id = UUID.randomUUID().toString();
        publish(Reports.of(id, "NOISE", district + "001002003", "测试区", Instant.now()));
        CaseFile routed = awaitCase(id);

        String rule = "noise-" + district + "@v" + (version + 1);
        assertThat(routed.state()).isEqualTo(CaseState.ROUTED);
        assertThat(routed.handling().unitCode()).isEqualTo(district + "-PS");
        assertThat(routed.handling().routingRule()).isEqualTo(rule);
        http.get().uri("/api/v1/cases/{id}/timeline", id).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$[1].action").isEqualTo("route")
                .jsonPath("$[1].role").isEqualTo("SYSTEM")
                .jsonPath("$[1].routingRule").isEqualTo(rule)
                .jsonPath("$[1].handlingUnitName").isEqualTo("测试派出所");

        act(id, "return", "{\"actor\":\"ps-1\",\"role\":\"HANDLER\",\"comment\":\"非警情\"}").expectStatus().isOk();
        act(id, "route", "{\"actor\":\"op-1\",\"role\":\"OPERATOR\"}")
                .expectStatus().isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT)
                .expectBody().jsonPath("$.code").isEqualTo("RULE_PICKS_RETURNING_UNIT");
        act(id, "route", "{\"actor\":\"op-1\",\"role\":\"OPERATOR\",\"unitCode\":\"" + district + "001002\"}")
                .expectStatus().isOk().expectBody()
                .jsonPath("$.state").isEqualTo("ROUTED")
                .jsonPath("$.level").isEqualTo("COMMUNITY")
                .jsonPath("$.routingRule").doesNotExist();
    }

    @Test
    void shouldQueueCasesNoRuleRoutesForManualTriageAndWorkThemThroughClaimAssignAndReassign() {
        long version = rules.current().rules().version();
        List<RoutingRule> before = rules.current().rules().rules();
        // Rules per sub-category only: a hotline order that maps to no sub-category has no rule.
        List<RoutingRule> perSubCategory = Reports.CATALOGUE.all().stream().map(SubCategory::code)
                .map(code -> new RoutingRule("sub-" + code.toLowerCase(), code, null, null, "", RuleTarget.centre(),
                        null)).toList();
        putRules(version, perSubCategory).expectStatus().isOk();
        try {
            String id = UUID.randomUUID().toString();
            Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            String grid = district + "001002003";
            registerGrid(grid);
            publish(new EventReported(id, "GD" + id, "hotline", ReportSource.HOTLINE_12345, EventCategory.OTHER,
                    null, null, Complexity.GENERAL, AreaLevel.DISTRICT, Urgency.URGENT, grid,
                    grid.substring(0, 12), null, grid.substring(0, 9), null, district, "测试区", "市民来电反映", null,
                    now, now, now.plus(Duration.ofDays(7)), null, null));
            CaseFile waiting = awaitCase(id);

            assertThat(waiting.state()).isEqualTo(CaseState.REPORTED);
            assertThat(waiting.deadlines().closeBy()).as("the hotline's own deadline").isEqualTo(now.plus(Duration.ofDays(7)));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    http.get().uri("/api/v1/triage/{d}", district).exchange().expectStatus().isOk().expectBody()
                            .jsonPath("$.total").isEqualTo(1)
                            .jsonPath("$.items[0].id").isEqualTo(id)
                            .jsonPath("$.items[0].urgency").isEqualTo("URGENT"));

            act(id, "route", "{\"actor\":\"op-1\"}").expectStatus().isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT)
                    .expectBody().jsonPath("$.code").isEqualTo("NO_MATCHING_RULE");
            // The name a client sends is not the unit's: the directory's is.
            act(id, "route", "{\"actor\":\"op-1\",\"role\":\"OPERATOR\",\"unitCode\":\"" + district + "\","
                    + "\"unitName\":\"市长办公室\",\"unitLevel\":\"CITY\"}").expectStatus().isOk().expectBody()
                    .jsonPath("$.state").isEqualTo("ROUTED")
                    .jsonPath("$.level").isEqualTo("DISTRICT")
                    .jsonPath("$.handlingUnitName").isEqualTo("测试区网格化服务管理中心");
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    http.get().uri("/api/v1/triage/{d}", district).exchange().expectBody()
                            .jsonPath("$.total").isEqualTo(0));

            act(id, "claim", "{\"actor\":\"h-1\",\"role\":\"HANDLER\"}").expectStatus().isOk().expectBody()
                    .jsonPath("$.state").isEqualTo("ROUTED")
                    .jsonPath("$.assignee").isEqualTo("h-1");
            // The centre's staff, as an administrator registered them: whom its cases may be assigned to.
            http.put().uri("/api/v1/admin/units/{code}/members", district).contentType(MediaType.APPLICATION_JSON)
                    .body("{\"members\":[{\"username\":\"h-1\",\"name\":\"张一\"},"
                            + "{\"username\":\"h-2\",\"name\":\"李二\"}]}").exchange().expectStatus().isOk();
            act(id, "assign", "{\"actor\":\"lead-1\",\"role\":\"HANDLER\",\"assignee\":\"h-2\"}")
                    .expectStatus().isOk().expectBody().jsonPath("$.assignee").isEqualTo("h-2");
            // Read back from storage, not only answered: every field a transition changes must be stored.
            http.get().uri("/api/v1/cases/{id}", id).exchange().expectBody().jsonPath("$.assignee").isEqualTo("h-2");
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                http.get().uri("/api/v1/queues/{u}?assignee=h-2", district).exchange().expectBody()
                        .jsonPath("$.total").isEqualTo(1)
                        .jsonPath("$.items[0].assignee").isEqualTo("h-2");
                http.get().uri("/api/v1/queues/{u}?assignee=h-1", district).exchange().expectBody()
                        .jsonPath("$.total").isEqualTo(0);
            });
            act(id, "reassign", "{\"actor\":\"op-1\",\"role\":\"OPERATOR\",\"unitCode\":\"" + district + "001\"}")
                    .expectStatus().isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT)
                    .expectBody().jsonPath("$.errors[0].field").isEqualTo("comment");
            act(id, "reassign", "{\"actor\":\"op-1\",\"role\":\"OPERATOR\",\"comment\":\"属街道职责\","
                    + "\"unitCode\":\"" + district + "001\"}").expectStatus().isOk().expectBody()
                    .jsonPath("$.handlingUnit").isEqualTo(district + "001")
                    .jsonPath("$.level").isEqualTo("STREET")
                    .jsonPath("$.assignee").doesNotExist()
                    .jsonPath("$.timeline[4].action").isEqualTo("reassign")
                    .jsonPath("$.timeline[4].role").isEqualTo("OPERATOR")
                    .jsonPath("$.timeline[4].comment").isEqualTo("属街道职责");
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    http.get().uri("/api/v1/queues/{u}", district + "001").exchange().expectBody()
                            .jsonPath("$.items[0].id").isEqualTo(id));
        } finally {
            putRules(rules.current().rules().version(), before).expectStatus().isOk();
        }
    }
}
