package io.gridloop.dispatch.lifecycle;

import io.gridloop.contracts.event.CaseState;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

import static io.gridloop.contracts.event.CaseState.ACCEPTED;
import static io.gridloop.contracts.event.CaseState.CLOSED;
import static io.gridloop.contracts.event.CaseState.FEEDBACK_SUBMITTED;
import static io.gridloop.contracts.event.CaseState.REPORTED;
import static io.gridloop.contracts.event.CaseState.ROUTED;
import static io.gridloop.dispatch.lifecycle.CaseAction.ACCEPT;
import static io.gridloop.dispatch.lifecycle.CaseAction.CLOSE;
import static io.gridloop.dispatch.lifecycle.CaseAction.FEEDBACK;
import static io.gridloop.dispatch.lifecycle.CaseAction.ROUTE;

/**
 * The closed loop as one transition table. {@code REPORT} opens a case in {@code REPORTED} and is not in the
 * table: nothing comes before it.
 */
public final class CaseStateMachine {

    private static final Map<CaseState, Map<CaseAction, CaseState>> TABLE = new EnumMap<>(CaseState.class);

    static {
        //       from                action     to
        allow(REPORTED,           ROUTE,     ROUTED);              // 分流
        allow(ROUTED,             ACCEPT,    ACCEPTED);            // 受理/核实
        allow(ACCEPTED,           FEEDBACK,  FEEDBACK_SUBMITTED);  // 反馈
        allow(FEEDBACK_SUBMITTED, CLOSE,     CLOSED);              // 结案
    }

    private CaseStateMachine() {
    }

    private static void allow(CaseState from, CaseAction action, CaseState to) {
        TABLE.computeIfAbsent(from, s -> new EnumMap<>(CaseAction.class)).put(action, to);
    }

    /**
     * The state {@code action} leads to from {@code from}.
     *
     * @throws IllegalTransitionException if the table has no such transition
     */
    public static CaseState next(CaseState from, CaseAction action) {
        CaseState to = TABLE.getOrDefault(from, Map.of()).get(action);
        if (to == null) {
            throw new IllegalTransitionException(from, action, allowed(from));
        }
        return to;
    }

    public static Set<CaseAction> allowed(CaseState from) {
        Map<CaseAction, CaseState> row = TABLE.get(from);
        return row == null ? Set.of() : Collections.unmodifiableSet(row.keySet());
    }
}
