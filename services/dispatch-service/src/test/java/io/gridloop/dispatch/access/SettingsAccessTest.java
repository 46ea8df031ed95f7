package io.gridloop.dispatch.access;

import io.gridloop.dispatch.routing.RoutingRule;
import io.gridloop.dispatch.routing.RuleTarget;
import io.gridloop.infra.ServiceIntegrationTest;
import io.gridloop.infra.auth.Identity;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A district's administrator changes the routing rules of their own district only; the rules for everywhere
 * and the holiday calendar are for administrators of a city or more.
 */
class SettingsAccessTest extends ServiceIntegrationTest {

    private final JsonMapper json = JsonMapper.builder().build();
    private final String district = "9" + ThreadLocalRandom.current().nextInt(10_000, 100_000);
    private final String otherDistrict = "8" + ThreadLocalRandom.current().nextInt(10_000, 100_000);

    private record Current(long version, List<RoutingRule> rules) {
    }

    private Current current() {
        JsonNode view = http.get().uri("/api/v1/admin/routing-rules").exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        List<RoutingRule> rules = new ArrayList<>();
        view.get("rules").forEach(r -> rules.add(json.treeToValue(r, RoutingRule.class)));
        return new Current(view.get("version").asLong(), rules);
    }

    private RestTestClient.ResponseSpec replace(Identity who, Current from, List<RoutingRule> rules) {
        return as(who).put().uri("/api/v1/admin/routing-rules").contentType(MediaType.APPLICATION_JSON)
                .body(json.writeValueAsString(Map.of("basedOnVersion", from.version(), "rules", rules,
                        "comment", "权限测试")))
                .exchange();
    }

    private static RoutingRule noiseRuleFor(String area) {
        return new RoutingRule("noise-" + area, "NOISE", null, null, area,
                RuleTarget.department("ENVIRONMENT", "生态环境局"), null);
    }

    @Test
    void shouldLetADistrictsAdministratorChangeOnlyTheRulesOfTheirDistrict() {
        Identity districtAdmin = Identity.of("admin-" + district, List.of("ADMIN"), district);

        Current before = current();
        List<RoutingRule> own = new ArrayList<>(before.rules());
        own.add(noiseRuleFor(district));
        replace(districtAdmin, before, own).expectStatus().isOk().expectBody()
                .jsonPath("$.changedBy").isEqualTo("admin-" + district);

        Current after = current();
        List<RoutingRule> foreign = new ArrayList<>(after.rules());
        foreign.add(noiseRuleFor(otherDistrict));
        replace(districtAdmin, after, foreign).expectStatus().isForbidden().expectBody()
                .jsonPath("$.code").isEqualTo("FORBIDDEN")
                .jsonPath("$.outsideRules").isEqualTo(List.of("noise-" + otherDistrict));

        List<RoutingRule> withoutADefault = new ArrayList<>(after.rules());
        RoutingRule everywhere = withoutADefault.stream().filter(r -> r.area().isEmpty()).findFirst().orElseThrow();
        withoutADefault.remove(everywhere);
        replace(districtAdmin, after, withoutADefault).expectStatus().isForbidden().expectBody()
                .jsonPath("$.outsideRules").isEqualTo(List.of(everywhere.id()));

        // The other district's administrator does not see this district's rule, so leaving it out removes
        // nothing; editing it is refused; a national administrator may remove it.
        List<RoutingRule> undone = new ArrayList<>(after.rules());
        undone.removeIf(r -> r.id().equals("noise-" + district));
        Identity otherAdmin = Identity.of("admin-" + otherDistrict, List.of("ADMIN"), otherDistrict);
        replace(otherAdmin, after, undone).expectStatus().isOk();
        assertThat(current().rules()).extracting(RoutingRule::id).contains("noise-" + district);
        List<RoutingRule> edited = new ArrayList<>(undone);
        edited.add(new RoutingRule("noise-" + district, "NOISE", null, null, district,
                RuleTarget.department("ENVIRONMENT", "生态环境局"), "改掉"));
        replace(otherAdmin, current(), edited).expectStatus().isForbidden();
        replace(Identity.of("admin-national", List.of("ADMIN"), "CN"), current(), undone).expectStatus().isOk();
        assertThat(current().rules()).extracting(RoutingRule::id).doesNotContain("noise-" + district);
    }

    /** An administrator reads the rules of their own areas and of the whole installation, not another area's. */
    @Test
    void shouldShowAnAdministratorOnlyTheRulesWithinTheirReach() {
        Current before = current();
        List<RoutingRule> both = new ArrayList<>(before.rules());
        both.add(noiseRuleFor(district));
        both.add(noiseRuleFor(otherDistrict));
        replace(Identity.of("admin-national", List.of("ADMIN"), "CN"), before, both).expectStatus().isOk();

        JsonNode seen = as(Identity.of("admin-" + district, List.of("ADMIN"), district)).get()
                .uri("/api/v1/admin/routing-rules").exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        List<String> ids = seen.get("rules").valueStream().map(r -> r.get("id").asString()).toList();
        assertThat(ids).contains("noise-" + district).doesNotContain("noise-" + otherDistrict);
        assertThat(seen.get("rules").valueStream().filter(r -> r.path("areaPrefix").asString("").isEmpty()).count())
                .as("the installation's own rules").isPositive();
        as(Identity.of("admin-" + district, List.of("ADMIN"), district)).get()
                .uri("/api/v1/admin/routing-rules/versions/{v}", seen.get("version").asLong()).exchange()
                .expectStatus().isOk().expectBody(String.class)
                .value(body -> assertThat(body).doesNotContain("noise-" + otherDistrict));
    }

    /**
     * The calendar holds for the whole installation (here Hohhot, 1501): an administrator of one of its districts
     * may not change it, nor — in a province's installation — one of another city, only one whose areas cover it.
     */
    @Test
    void shouldLeaveTheHolidayCalendarToAdministratorsOfTheWholeInstallation() {
        String year = """
                {"source":"国务院办公厅关于2097年部分节假日安排的通知",
                 "holidays":[{"name":"元旦","from":"2097-01-01","to":"2097-01-01"}],"workingDays":[]}""";
        as(Identity.of("admin-" + district, List.of("ADMIN"), district)).put().uri("/api/v1/admin/calendars/2097")
                .contentType(MediaType.APPLICATION_JSON).body(year).exchange().expectStatus().isForbidden();
        as(Identity.of("admin-baotou", List.of("ADMIN"), "1502")).put().uri("/api/v1/admin/calendars/2097")
                .contentType(MediaType.APPLICATION_JSON).body(year).exchange().expectStatus().isForbidden()
                .expectBody().jsonPath("$.detail").value(d -> assertThat((String) d)
                        .contains("1501"));
        as(Identity.of("admin-hohhot", List.of("ADMIN"), "1501")).put().uri("/api/v1/admin/calendars/2097")
                .contentType(MediaType.APPLICATION_JSON).body(year).exchange().expectStatus().isOk();
    }
}
