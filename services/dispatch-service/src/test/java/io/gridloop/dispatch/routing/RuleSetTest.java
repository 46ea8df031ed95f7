package io.gridloop.dispatch.routing;

import io.gridloop.contracts.area.AreaPath;
import io.gridloop.contracts.catalogue.SubCategory;
import io.gridloop.contracts.catalogue.SubCategoryCatalogue;
import io.gridloop.contracts.event.Complexity;
import io.gridloop.contracts.event.EventCategory;
import io.gridloop.contracts.area.AreaLevel;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RuleSetTest {

    static final SubCategoryCatalogue CATALOGUE = new SubCategoryCatalogue(List.of(
            new SubCategory("WATER_SUPPLY", "供水问题", EventCategory.LIVELIHOOD, Complexity.GENERAL,
                    AreaLevel.DISTRICT),
            new SubCategory("SANITATION", "环境卫生", EventCategory.LIVELIHOOD, Complexity.SIMPLE, AreaLevel.GRID),
            new SubCategory("NEIGHBOUR_DISPUTE", "邻里纠纷", EventCategory.DISPUTE, Complexity.GENERAL,
                    AreaLevel.GRID)));
    static final AreaPath SAIHAN = AreaPath.ofGrid("150105001002003", "赛罕区");
    static final AreaPath XINCHENG = AreaPath.ofGrid("150102001001001", "新城区");

    static RoutingRule rule(String id, String sub, EventCategory category, AreaLevel level, String area,
                            RuleTarget target) {
        return new RoutingRule(id, sub, category, level, area, target, null);
    }

    static final List<RoutingRule> BASE = List.of(
            rule("livelihood", null, EventCategory.LIVELIHOOD, null, "", RuleTarget.centre()),
            rule("disputes", null, EventCategory.DISPUTE, null, "", RuleTarget.centre()),
            rule("water", "WATER_SUPPLY", null, AreaLevel.DISTRICT, "",
                    RuleTarget.department("WATER", "水务局")),
            rule("saihan-sanitation", "SANITATION", null, null, "150105",
                    new RuleTarget(RuleTarget.Kind.UNIT, AreaLevel.STREET, null, "150105-HW", "赛罕区环卫中心")),
            rule("saihan-street-1", null, EventCategory.LIVELIHOOD, null, "150105001",
                    new RuleTarget(RuleTarget.Kind.CENTRE, AreaLevel.STREET, null, null, null)));

    @Test
    void shouldLetTheMostSpecificRuleWin() {
        RuleSet rules = new RuleSet(7, BASE);

        // Sub-category beats category, even against a longer area prefix.
        assertThat(rules.decide("SANITATION", EventCategory.LIVELIHOOD, AreaLevel.GRID, SAIHAN)).hasValueSatisfying(d -> {
            assertThat(d.unit().code()).isEqualTo("150105-HW");
            assertThat(d.rule()).isEqualTo("saihan-sanitation@v7");
        });
        // Within a category, the longer area prefix wins: street 150105001 goes to its street centre.
        assertThat(rules.decide("OTHER_LIVELIHOOD", EventCategory.LIVELIHOOD, AreaLevel.GRID, SAIHAN))
                .hasValueSatisfying(d -> assertThat(d.unit()).isEqualTo(new HandlingUnit("150105001",
                        "赛罕区街道（乡镇）网格化服务管理中心 150105001", AreaLevel.STREET)));
        // Elsewhere the category rule sends it to the centre of the case's level.
        assertThat(rules.decide("SANITATION", EventCategory.LIVELIHOOD, AreaLevel.GRID, XINCHENG))
                .hasValueSatisfying(d -> {
                    assertThat(d.unit().code()).isEqualTo("150102001001001");
                    assertThat(d.rule()).isEqualTo("livelihood@v7");
                });
        // A level-specific rule applies only at its level.
        assertThat(rules.decide("WATER_SUPPLY", EventCategory.LIVELIHOOD, AreaLevel.DISTRICT, XINCHENG))
                .hasValueSatisfying(d -> assertThat(d.unit()).isEqualTo(
                        new HandlingUnit("150102-WATER", "新城区水务局", AreaLevel.DISTRICT)));
        assertThat(rules.decide("WATER_SUPPLY", EventCategory.LIVELIHOOD, AreaLevel.CITY, XINCHENG))
                .hasValueSatisfying(d -> assertThat(d.unit().code()).isEqualTo("150100"));
    }

    @Test
    void shouldNeverRouteACaseBackToTheUnitThatReturnedIt() {
        RuleSet rules = new RuleSet(3, BASE);

        assertThat(rules.retriage("SANITATION", EventCategory.LIVELIHOOD, AreaLevel.GRID, SAIHAN,
                java.util.Optional.of("150105-HW"))).isInstanceOfSatisfying(RuleSet.Retriage.ToReturningUnit.class,
                r -> assertThat(r.unit().name()).isEqualTo("赛罕区环卫中心"));
        assertThat(rules.retriage("SANITATION", EventCategory.LIVELIHOOD, AreaLevel.GRID, SAIHAN,
                java.util.Optional.of("150105001"))).isInstanceOfSatisfying(RuleSet.Retriage.Routed.class,
                r -> assertThat(r.decision().unit().code()).isEqualTo("150105-HW"));
        assertThat(rules.retriage(null, EventCategory.HAZARD, AreaLevel.DISTRICT, SAIHAN, java.util.Optional.empty()))
                .isInstanceOf(RuleSet.Retriage.NoRule.class);
    }

    @Test
    void shouldEscalateOnlyToAUnitOfTheLevelAbove() {
        RuleSet rules = new RuleSet(3, BASE);

        // The water rule names a district department: an escalation to the district takes it.
        assertThat(rules.escalate("WATER_SUPPLY", EventCategory.LIVELIHOOD, AreaLevel.DISTRICT, XINCHENG).unit())
                .isEqualTo(new HandlingUnit("150102-WATER", "新城区水务局", AreaLevel.DISTRICT));
        // Sanitation's rule names a street-level unit: below the city, so the city's centre takes it instead.
        RoutingDecision toCity = rules.escalate("SANITATION", EventCategory.LIVELIHOOD, AreaLevel.CITY, SAIHAN);
        assertThat(toCity.unit()).isEqualTo(GridCentres.centre(AreaLevel.CITY, SAIHAN));
        assertThat(toCity.rule()).isNull();
    }

    @Test
    void shouldDecideNothingWhenNoRuleMatches() {
        RuleSet rules = new RuleSet(1, BASE);

        assertThat(rules.decide(null, EventCategory.HAZARD, AreaLevel.DISTRICT, SAIHAN)).isEmpty();
    }

    @Test
    void shouldAcceptAConsistentRuleSet() {
        assertThat(RuleSet.validate(BASE, CATALOGUE)).isEmpty();
    }

    @Test
    void shouldRefuseARuleSetThatLeavesASubCategoryUnroutable() {
        // Only an area rule for sanitation: anywhere but 赛罕区 a 环境卫生 report would have nowhere to go.
        List<RoutingRule> rules = List.of(BASE.get(1), BASE.get(2), BASE.get(3));

        assertThat(RuleSet.validate(rules, CATALOGUE)).extracting(RuleSet.Problem::message)
                .containsExactly("事项小类「环境卫生」（SANITATION）在首办层级「网格」没有适用于全部地区的分流规则");
    }

    @Test
    void shouldRefuseARuleSetWhoseOnlyRuleForASubCategoryIsAtAnotherLevel() {
        List<RoutingRule> rules = new ArrayList<>(List.of(BASE.get(1), BASE.get(2)));
        rules.add(rule("sanitation-street", "SANITATION", null, AreaLevel.STREET, "", RuleTarget.centre()));

        assertThat(RuleSet.validate(rules, CATALOGUE)).extracting(RuleSet.Problem::message)
                .anyMatch(m -> m.contains("SANITATION"));
    }

    @Test
    void shouldNameEachBadField() {
        List<RoutingRule> rules = new ArrayList<>(BASE);
        rules.add(rule("livelihood", null, EventCategory.HAZARD, null, "", RuleTarget.centre()));
        rules.add(rule("unknown-sub", "FLYING_SAUCER", null, null, "", RuleTarget.centre()));
        rules.add(rule("wrong-category", "WATER_SUPPLY", EventCategory.DISPUTE, null, "", RuleTarget.centre()));
        rules.add(rule("bad-area", null, EventCategory.HAZARD, null, "1501", RuleTarget.centre()));
        rules.add(rule("bad-dept", null, EventCategory.HAZARD, AreaLevel.CITY, "",
                RuleTarget.department("water", "")));
        rules.add(rule("no-target", null, EventCategory.HAZARD, AreaLevel.STREET, "", null));
        rules.add(rule("twin-of-disputes", null, EventCategory.DISPUTE, null, "", RuleTarget.centre()));
        rules.add(rule("bad id!", null, EventCategory.OTHER, null, "", RuleTarget.centre()));

        assertThat(RuleSet.validate(rules, CATALOGUE)).extracting(RuleSet.Problem::field).containsExactly(
                "rules[5].id", "rules[6].subCategory", "rules[7].category", "rules[8].areaPrefix",
                "rules[9].target", "rules[10].target", "rules[11]", "rules[12].id");
        assertThat(RuleSet.validate(List.of(), CATALOGUE)).extracting(RuleSet.Problem::field)
                .containsExactly("rules");
    }

    @Test
    void shippedDefaultRulesRouteEverySubCategoryOfTheShippedCatalogue() throws Exception {
        var json = tools.jackson.databind.json.JsonMapper.builder().build();
        try (var in = getClass().getClassLoader().getResourceAsStream("routing/default-rules.json")) {
            List<RoutingRule> defaults = json.readValue(in, Defaults.class).rules();
            SubCategoryCatalogue shipped = SubCategoryCatalogue.shipped();

            assertThat(RuleSet.validate(defaults, shipped)).isEmpty();
            RuleSet rules = new RuleSet(1, defaults);
            for (SubCategory sub : shipped.all()) {
                assertThat(rules.decide(sub.code(), sub.category(), sub.defaultLevel(), SAIHAN))
                        .as(sub.code()).isPresent();
            }
        }
    }

    record Defaults(String description, List<RoutingRule> rules) {
    }
}
