package io.gridloop.stats.completion;

import io.gridloop.contracts.event.CaseState;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CompletionDeltaTest {

    @Test
    void shouldCountAReportAndAClosureAndNothingElse() {
        assertThat(CompletionDelta.of(Transitions.reported("c", "900001").data())).isEqualTo(new CompletionDelta(1, 0));
        assertThat(CompletionDelta.of(Transitions.closed("c", "900001").data())).isEqualTo(new CompletionDelta(0, 1));
        assertThat(CompletionDelta.of(Transitions.transition("c", "900001", 2, CaseState.REPORTED, CaseState.ROUTED)
                .data()).isNone()).isTrue();
    }

    @Test
    void shouldTakeBackAClosureWhenTheCaseIsReopened() {
        assertThat(CompletionDelta.of(Transitions.transition("c", "900001", 8, CaseState.CLOSED, CaseState.ROUTED)
                .data())).isEqualTo(new CompletionDelta(0, -1));
    }

    @Test
    void shouldNotCallZeroReportsAZeroRate() {
        assertThat(CompletionRate.of(0, 0)).isNull();
        assertThat(CompletionRate.of(3, 5)).isEqualTo(0.6);
        assertThat(CompletionRate.of(5, 5)).isEqualTo(1.0);
    }
}
