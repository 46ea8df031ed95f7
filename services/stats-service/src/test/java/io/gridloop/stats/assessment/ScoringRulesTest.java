package io.gridloop.stats.assessment;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ScoringRulesTest {

    private static BigDecimal n(String value) {
        return new BigDecimal(value);
    }

    private static ScoringRules rules(String qualified, String excellent, ScoringRules.Rule... rules) {
        return new ScoringRules("150105", YearMonth.of(2026, 12), n("60"), n(qualified), n(excellent), List.of(rules));
    }

    private static final ScoringRules.Rule REPORTS = new ScoringRules.Rule("VALID_REPORTS", n("0.5"), n("10"));
    private static final ScoringRules.Rule VISITS = new ScoringRules.Rule("HOUSEHOLD_VISITS", n("1"), n("20"));
    private static final ScoringRules.Rule FOUND_FIRST =
            new ScoringRules.Rule("FOUND_FIRST_BY_CITIZENS", n("-2"), n("10"));

    @Test
    void shouldScoreEachMeasureUpToItsCapAndGradeTheTotal() {
        ScoringRules r = rules("70", "85", REPORTS, VISITS, FOUND_FIRST);

        ScoringRules.Score busy = r.score(Map.of(Measure.VALID_REPORTS, 30L, Measure.HOUSEHOLD_VISITS, 12L,
                Measure.FOUND_FIRST_BY_CITIZENS, 1L));
        ScoringRules.Score idle = r.score(Map.of(Measure.VALID_REPORTS, 4L, Measure.FOUND_FIRST_BY_CITIZENS, 9L));

        // 60 + min(15, 10) + 12 − 2
        assertThat(busy.total()).isEqualByComparingTo("80.0");
        assertThat(busy.grade()).isEqualTo(Grade.QUALIFIED);
        assertThat(busy.points()).containsEntry(Measure.VALID_REPORTS, n("10.0"))
                .containsEntry(Measure.FOUND_FIRST_BY_CITIZENS, n("-2.0"));
        // 60 + 2 − min(18, 10)
        assertThat(idle.total()).isEqualByComparingTo("52.0");
        assertThat(idle.grade()).isEqualTo(Grade.UNQUALIFIED);
        assertThat(r.score(Map.of(Measure.VALID_REPORTS, 20L, Measure.HOUSEHOLD_VISITS, 15L)).grade())
                .isEqualTo(Grade.EXCELLENT);
        assertThat(r.problems()).isEmpty();
    }

    @Test
    void shouldNameEachFieldOfRulesThatCannotBeUsed() {
        ScoringRules broken = new ScoringRules("15010", null, n("60"), n("90"), n("80"), List.of(
                new ScoringRules.Rule("VALID_REPORTS", n("0"), n("10")),
                new ScoringRules.Rule("NO_SUCH_MEASURE", n("1"), null),
                new ScoringRules.Rule("VALID_REPORTS", n("1"), n("150")),
                new ScoringRules.Rule("FOUND_FIRST_BY_CITIZENS", n("2"), n("5"))));

        assertThat(broken.problems()).extracting(ScoringRules.Problem::field).containsExactly("programme",
                "effectiveFrom", "excellentAt", "rules[0].pointsPerUnit", "rules[1].measure", "rules[2].measure",
                "rules[2].cap", "rules[3].pointsPerUnit");
        assertThat(broken.problems()).filteredOn(p -> p.field().equals("excellentAt")).singleElement()
                .satisfies(p -> assertThat(p.message()).isEqualTo("优秀分数线须高于合格分数线"));
        assertThat(broken.problems()).filteredOn(p -> p.field().equals("rules[3].pointsPerUnit")).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("扣分项"));
    }

    @Test
    void shouldAskForAMeasureOnARowWithoutOne() {
        assertThat(rules("70", "74", REPORTS, new ScoringRules.Rule("", n("1"), n("5"))).problems()).singleElement()
                .satisfies(p -> {
                    assertThat(p.field()).isEqualTo("rules[1].measure");
                    assertThat(p.message()).isEqualTo("请选择考核指标");
                });
    }

    @Test
    void shouldRefuseAnExcellentBarNobodyCanReach() {
        // 60 + 10 at most: 优秀 from 90 is out of reach.
        assertThat(rules("65", "90", REPORTS).problems()).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("最高分（70分）"));
        // A measure without a cap leaves any bar reachable.
        assertThat(rules("65", "90", REPORTS, new ScoringRules.Rule("HAZARD_PATROLS", n("1"), null)).problems())
                .isEmpty();
    }
}
