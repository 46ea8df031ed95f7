package io.gridloop.dispatch.lifecycle;

import io.gridloop.contracts.event.CaseAction;
import io.gridloop.contracts.event.CaseState;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
import static io.gridloop.contracts.event.CaseAction.ACCEPT;
import static io.gridloop.contracts.event.CaseAction.APPROVE_EXTENSION;
import static io.gridloop.contracts.event.CaseAction.ASSIGN;
import static io.gridloop.contracts.event.CaseAction.CLAIM;
import static io.gridloop.contracts.event.CaseAction.CLOSE;
import static io.gridloop.contracts.event.CaseAction.ESCALATE;
import static io.gridloop.contracts.event.CaseAction.FEEDBACK;
import static io.gridloop.contracts.event.CaseAction.INVALIDATE;
import static io.gridloop.contracts.event.CaseAction.MERGE;
import static io.gridloop.contracts.event.CaseAction.REASSIGN;
import static io.gridloop.contracts.event.CaseAction.REJECT_EXTENSION;
import static io.gridloop.contracts.event.CaseAction.REOPEN;
import static io.gridloop.contracts.event.CaseAction.REQUEST_EXTENSION;
import static io.gridloop.contracts.event.CaseAction.RESUME;
import static io.gridloop.contracts.event.CaseAction.RETURN;
import static io.gridloop.contracts.event.CaseAction.ROUTE;
import static io.gridloop.contracts.event.CaseAction.SUSPEND;

/**
 * The closed loop as one transition table. CLOSED ends the loop unless the reporter says the matter is not
 * fixed: then the case goes back to the unit that closed it ({@code reopen}). {@code REPORT} opens a case in {@code REPORTED} and is not in the
 * table: nothing comes before it. {@link #BACK} means "to the state the case was in before": a suspension or an
 * extension request pauses the case, and resuming or deciding returns it to where it was.
 */
public final class CaseStateMachine {

    /** Marks a transition back to the state before the pause; see {@link Paused#returnTo()}. */
    static final CaseState BACK = null;

    private static final Map<CaseState, Map<CaseAction, CaseState>> TABLE = new EnumMap<>(CaseState.class);

    static {
        //    from                 action              to
        allow(REPORTED,            ROUTE,              ROUTED);              // 分流 (rule or 人工分流)
        allow(ROUTED,              ACCEPT,             ACCEPTED);            // 受理/核实
        allow(ROUTED,              RETURN,             RETURNED);            // 退单: not ours
        allow(ROUTED,              ESCALATE,           ESCALATED);           // 上报上级
        allow(RETURNED,            ROUTE,              ROUTED);              // re-triage
        allow(RETURNED,            ESCALATE,           ESCALATED);
        allow(ESCALATED,           ACCEPT,             ACCEPTED);            // the upper level takes it
        allow(ESCALATED,           RETURN,             RETURNED);
        allow(ESCALATED,           ESCALATE,           ESCALATED);           // further up, to the city at most
        allow(ACCEPTED,            FEEDBACK,           FEEDBACK_SUBMITTED);  // 反馈
        allow(ACCEPTED,            ESCALATE,           ESCALATED);
        allow(ACCEPTED,            REQUEST_EXTENSION,  EXTENSION_REQUESTED); // 延期申请
        allow(REWORK,              FEEDBACK,           FEEDBACK_SUBMITTED);
        allow(REWORK,              ESCALATE,           ESCALATED);
        allow(REWORK,              REQUEST_EXTENSION,  EXTENSION_REQUESTED);
        allow(EXTENSION_REQUESTED, APPROVE_EXTENSION,  BACK);                // the deadline moves
        allow(EXTENSION_REQUESTED, REJECT_EXTENSION,   BACK);
        allow(FEEDBACK_SUBMITTED,  CLOSE,              CLOSED);              // 复核通过, 结案
        allow(FEEDBACK_SUBMITTED,  CaseAction.REWORK,  REWORK);              // 复核不通过, 返工
        allow(SUSPENDED,           RESUME,             BACK);                // 恢复
        allow(CLOSED,              REOPEN,             ROUTED);              // 未解决: back to the unit
        for (CaseState working : List.of(ROUTED, ESCALATED, ACCEPTED, REWORK)) {
            allow(working,         CLAIM,              working);             // 签收: the actor takes it
            allow(working,         ASSIGN,             working);             // 指派 to a person
            allow(working,         REASSIGN,           ROUTED);              // 改派 to another unit
        }
        for (CaseState any : CaseState.values()) {
            if (any != MERGED && any != CaseState.INVALID) {
                allow(any, CaseAction.VISIT, any);                           // 12345回访: recorded, state kept
            }
        }
        for (CaseState open : CaseState.values()) {
            if (open.isFinal()) {
                continue;
            }
            if (open != SUSPENDED && open != EXTENSION_REQUESTED) {
                allow(open, SUSPEND, SUSPENDED);                              // 挂起
            }
            allow(open, MERGE, MERGED);                                       // 并单
            allow(open, INVALIDATE, INVALID);                                 // 作废
        }
    }

    private CaseStateMachine() {
    }

    private static void allow(CaseState from, CaseAction action, CaseState to) {
        TABLE.computeIfAbsent(from, s -> new EnumMap<>(CaseAction.class)).put(action, to);
    }

    /**
     * The state {@code action} leads to from {@code from}.
     *
     * @param before the state before a pause, for transitions that go back to it
     * @throws IllegalTransitionException if the table has no such transition
     */
    public static CaseState next(CaseState from, CaseAction action, CaseState before) {
        Map<CaseAction, CaseState> row = TABLE.getOrDefault(from, Map.of());
        if (!row.containsKey(action)) {
            throw new IllegalTransitionException(from, action, allowed(from));
        }
        CaseState to = row.get(action);
        if (to == BACK) {
            if (before == null) {
                throw new IllegalStateException("case in " + from + " does not know the state to return to");
            }
            return before;
        }
        return to;
    }

    public static Set<CaseAction> allowed(CaseState from) {
        Map<CaseAction, CaseState> row = TABLE.get(from);
        return row == null ? Set.of() : Collections.unmodifiableSet(row.keySet());
    }
}
