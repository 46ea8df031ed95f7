package io.gridloop.dispatch.lifecycle;

import io.gridloop.contracts.event.CaseAction;
import io.gridloop.contracts.event.CaseState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static io.gridloop.contracts.event.CaseState.ACCEPTED;
import static io.gridloop.contracts.event.CaseState.CLOSED;
import static io.gridloop.contracts.event.CaseState.ESCALATED;
import static io.gridloop.contracts.event.CaseState.EXTENSION_REQUESTED;
import static io.gridloop.contracts.event.CaseState.FEEDBACK_SUBMITTED;
import static io.gridloop.contracts.event.CaseState.INVALID;
import static io.gridloop.contracts.event.CaseState.MERGED;
import static io.gridloop.contracts.event.CaseState.REPORTED;
import static io.gridloop.contracts.event.CaseState.RETURNED;
import static io.gridloop.contracts.event.CaseState.REWORK;
import static io.gridloop.contracts.event.CaseState.ROUTED;
import static io.gridloop.contracts.event.CaseState.SUSPENDED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every (state, action) pair against the legal transitions, written out here independently of the table. */
class CaseStateMachineTest {

    /** What a paused case goes back to, for the pairs that go back. */
    private static final CaseState BEFORE = ACCEPTED;

    private static final Map<CaseState, Map<CaseAction, CaseState>> LEGAL = new EnumMap<>(CaseState.class);

    static {
        legal(REPORTED, CaseAction.ROUTE, ROUTED);
        legal(ROUTED, CaseAction.ACCEPT, ACCEPTED);
        legal(ROUTED, CaseAction.RETURN, RETURNED);
        legal(ROUTED, CaseAction.ESCALATE, ESCALATED);
        legal(RETURNED, CaseAction.ROUTE, ROUTED);
        legal(RETURNED, CaseAction.ESCALATE, ESCALATED);
        legal(ESCALATED, CaseAction.ACCEPT, ACCEPTED);
        legal(ESCALATED, CaseAction.RETURN, RETURNED);
        legal(ESCALATED, CaseAction.ESCALATE, ESCALATED);
        legal(ACCEPTED, CaseAction.FEEDBACK, FEEDBACK_SUBMITTED);
        legal(ACCEPTED, CaseAction.ESCALATE, ESCALATED);
        legal(ACCEPTED, CaseAction.REQUEST_EXTENSION, EXTENSION_REQUESTED);
        legal(REWORK, CaseAction.FEEDBACK, FEEDBACK_SUBMITTED);
        legal(REWORK, CaseAction.ESCALATE, ESCALATED);
        legal(REWORK, CaseAction.REQUEST_EXTENSION, EXTENSION_REQUESTED);
        legal(EXTENSION_REQUESTED, CaseAction.APPROVE_EXTENSION, BEFORE);
        legal(EXTENSION_REQUESTED, CaseAction.REJECT_EXTENSION, BEFORE);
        legal(FEEDBACK_SUBMITTED, CaseAction.CLOSE, CLOSED);
        legal(FEEDBACK_SUBMITTED, CaseAction.REWORK, REWORK);
        legal(SUSPENDED, CaseAction.RESUME, BEFORE);
        legal(CLOSED, CaseAction.REOPEN, ROUTED);
        for (CaseState s : List.of(ROUTED, ESCALATED, ACCEPTED, REWORK)) {
            legal(s, CaseAction.CLAIM, s);
            legal(s, CaseAction.ASSIGN, s);
            legal(s, CaseAction.REASSIGN, ROUTED);
        }
        for (CaseState s : List.of(REPORTED, ROUTED, RETURNED, ESCALATED, ACCEPTED, REWORK, FEEDBACK_SUBMITTED)) {
            legal(s, CaseAction.SUSPEND, SUSPENDED);
        }
        for (CaseState s : List.of(REPORTED, ROUTED, RETURNED, ESCALATED, ACCEPTED, REWORK, FEEDBACK_SUBMITTED,
                EXTENSION_REQUESTED, SUSPENDED)) {
            legal(s, CaseAction.MERGE, MERGED);
            legal(s, CaseAction.INVALIDATE, INVALID);
        }
        for (CaseState s : List.of(REPORTED, ROUTED, RETURNED, ESCALATED, ACCEPTED, REWORK, FEEDBACK_SUBMITTED,
                EXTENSION_REQUESTED, SUSPENDED, CLOSED)) {
            legal(s, CaseAction.VISIT, s);  // a 12345 return visit is recorded whatever the state, and keeps it
        }
    }

    private static void legal(CaseState from, CaseAction action, CaseState to) {
        LEGAL.computeIfAbsent(from, s -> new EnumMap<>(CaseAction.class)).put(action, to);
    }

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
            assertThat(CaseStateMachine.next(from, action, BEFORE)).isEqualTo(expected);
        } else {
            assertThatThrownBy(() -> CaseStateMachine.next(from, action, BEFORE))
                    .isInstanceOf(IllegalTransitionException.class)
                    .satisfies(e -> assertThat(((IllegalTransitionException) e).allowed())
                            .containsExactlyInAnyOrderElementsOf(LEGAL.getOrDefault(from, Map.of()).keySet()));
        }
    }

    @Test
    void shouldAllowNothingOnceMergedOrInvalidAndOnlyReopeningOnceClosed() {
        assertThat(CaseStateMachine.allowed(CLOSED)).containsExactlyInAnyOrder(CaseAction.REOPEN, CaseAction.VISIT);
        assertThat(CaseStateMachine.allowed(MERGED)).isEmpty();
        assertThat(CaseStateMachine.allowed(INVALID)).isEmpty();
    }

    @Test
    void shouldReturnAResumedCaseToWhereItWas() {
        assertThat(CaseStateMachine.next(SUSPENDED, CaseAction.RESUME, REWORK)).isEqualTo(REWORK);
    }
}
