package io.gridloop.stats.formula;

import io.gridloop.stats.counting.Measure;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FormulaTest {

    private static final Map<Measure, Long> COUNTS = Map.of(Measure.DUE, 50L, Measure.DUE_CLOSED, 45L,
            Measure.DUE_SUSPENDED, 5L, Measure.REPORTED, 0L);

    @Test
    void shouldLetACityChooseItsDenominator() {
        Formula standard = new Formula("closureRate", "结案率", "dueClosed", "due", null);
        Formula withoutSuspended = new Formula("closureRate", "结案率", "dueClosed", "due - dueSuspended", null);

        assertThat(standard.rate().evaluate(m -> COUNTS.getOrDefault(m, 0L))).isEqualTo(0.9);
        assertThat(withoutSuspended.rate().evaluate(m -> COUNTS.getOrDefault(m, 0L))).isEqualTo(1.0);
    }

    @Test
    void shouldShipTheHotlinesThreeRatesAmongTheDefaultFormulas() throws Exception {
        Formulas shipped;
        try (var in = getClass().getResourceAsStream("/stats/formulas.json")) {
            shipped = tools.jackson.databind.json.JsonMapper.builder().build().readValue(in, Formulas.class);
        }
        Map<Measure, Long> visits = Map.of(Measure.HOTLINE_ORDERS, 20L, Measure.HOTLINE_RESPONDED_IN_TIME, 19L,
                Measure.VISITED, 16L, Measure.RESOLVED, 12L, Measure.RATED, 15L, Measure.SATISFIED, 9L,
                Measure.BASICALLY_SATISFIED, 3L, Measure.UNSATISFIED, 3L);

        assertThat(shipped.byCode("responseRate").orElseThrow().rate().evaluate(m -> visits.getOrDefault(m, 0L)))
                .isEqualTo(0.95);
        assertThat(shipped.byCode("resolutionRate").orElseThrow().rate().evaluate(m -> visits.getOrDefault(m, 0L)))
                .isEqualTo(0.75);
        assertThat(shipped.byCode("satisfactionRate").orElseThrow().rate().evaluate(m -> visits.getOrDefault(m, 0L)))
                .isEqualTo(0.8);
        assertThat(shipped.byCode("completionRate").orElseThrow().name()).isEqualTo("办结率");
    }

    @Test
    void shouldGiveNoRateOverAnEmptyDenominator() {
        Formula completion = new Formula("completionRate", "办结率", "closed", "reported", null);
        assertThat(completion.rate().evaluate(m -> COUNTS.getOrDefault(m, 0L))).isNull();
    }

    @Test
    void shouldRefuseFormulasOverUnknownMeasuresOrBadExpressions() {
        assertThat(new Formula("x", "甲", "closed +", "reported", null).problems()).hasSize(1);
        assertThat(new Formula("x", "甲", "closed", "reportedd", null).problems()).hasSize(1);
        assertThat(new Formula("Bad-Code", "", "closed", "reported", null).problems()).hasSize(2);
        assertThatThrownBy(() -> new Formulas(List.of(new Formula("a", "甲", "closed", "nope", null))))
                .hasMessageContaining("nope");
        assertThatThrownBy(() -> new Formulas(List.of(new Formula("a", "甲", "closed", "reported", null),
                new Formula("a", "乙", "closed", "reported", null)))).hasMessageContaining("twice");
    }

    @Test
    void shouldReadSumsAndDifferencesWithOrWithoutSpaces() {
        assertThat(Formula.parse("closed+merged-invalidated")).hasValueSatisfying(t -> assertThat(t).hasSize(3));
        assertThat(Formula.parse(" closed + merged ")).hasValueSatisfying(t -> assertThat(t).hasSize(2));
        assertThat(Formula.parse("- closed")).isEmpty();
        assertThat(Formula.parse("closed merged")).isEmpty();
    }
}
