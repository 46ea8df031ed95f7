package io.gridloop.dispatch.lifecycle;

import io.gridloop.contracts.event.CaseState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static io.gridloop.contracts.event.CaseState.ACCEPTED;
import static io.gridloop.contracts.event.CaseState.CLOSED;
import static io.gridloop.contracts.event.CaseState.FEEDBACK_SUBMITTED;
import static io.gridloop.contracts.event.CaseState.REPORTED;
import static io.gridloop.contracts.event.CaseState.ROUTED;
import static io.gridloop.dispatch.lifecycle.CaseAction.ACCEPT;
import static io.gridloop.dispatch.lifecycle.CaseAction.CLOSE;
import static io.gridloop.dispatch.lifecycle.CaseAction.FEEDBACK;
import static io.gridloop.dispatch.lifecycle.CaseAction.ROUTE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CaseStateMachineTest {

    /** The legal transitions, written out independently of the table under test. */
    private static final Map<CaseState, Map<CaseAction, CaseState>> LEGAL = Map.of(
            REPORTED, Map.of(ROUTE, ROUTED),
            ROUTED, Map.of(ACCEPT, ACCEPTED),
            ACCEPTED, Map.of(FEEDBACK, FEEDBACK_SUBMITTED),
            FEEDBACK_SUBMITTED, Map.of(CLOSE, CLOSED));

    static Stream<Arguments> everyPair() {
        List<Arguments> pairs = new ArrayList<>();
        for (CaseState from : CaseState.values()) {
            for (CaseAction action : CaseAction.values()) {
                pairs.add(Arguments.of(from, action));
            }
        }
        return pairs.stream();
    }

    @ParameterizedTest(name = "{0} --{1}-->")
    @MethodSource("everyPair")
    void shouldAllowExactlyTheLegalTransitions(CaseState from, CaseAction action) {
        CaseState expected = LEGAL.getOrDefault(from, Map.of()).get(action);
        if (expected != null) {
            assertThat(CaseStateMachine.next(from, action)).isEqualTo(expected);
        } else {
            assertThatThrownBy(() -> CaseStateMachine.next(from, action))
                    .isInstanceOf(IllegalTransitionException.class)
                    .satisfies(e -> assertThat(((IllegalTransitionException) e).allowed())
                            .containsExactlyInAnyOrderElementsOf(LEGAL.getOrDefault(from, Map.of()).keySet()));
        }
    }

    @Test
    void shouldAllowNothingOnceClosed() {
        assertThat(CaseStateMachine.allowed(CLOSED)).isEmpty();
    }
}
