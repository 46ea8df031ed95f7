package io.gridloop.dispatch.lifecycle;

import io.gridloop.contracts.event.CaseAction;

import java.util.Set;

import static io.gridloop.contracts.event.CaseAction.*;

/**
 * What dispatch asks of each action (the vocabulary itself is the contracts' {@link CaseAction}): whether it must say
 * why, whether people take it over HTTP, what its form asks for besides a comment.
 */
public final class ActionRules {

    private ActionRules() {
    }

    /**
     * Returns, escalations, reassignments, rework, suspensions, invalidations and extensions must say why; a
     * feedback must say what was done (the result the review checks, the reporter reads and 12345 hears).
     */
    public static boolean needsReason(CaseAction action) {
        return switch (action) {
            case REASSIGN, RETURN, ESCALATE, FEEDBACK, REWORK, REQUEST_EXTENSION, REJECT_EXTENSION, SUSPEND, REOPEN,
                 INVALIDATE -> true;
            default -> false;
        };
    }

    /** What a person is told when the text {@link #needsReason} asks for is missing. */
    public static String missingReason(CaseAction action) {
        return action == FEEDBACK ? "反馈须填写处理结果" : action.label() + "须说明原因";
    }

    /** Whether people ask for it over HTTP; the others come from the system or from the hotline. */
    public static boolean manual(CaseAction action) {
        return action != REPORT && action != WARN && action != OVERDUE && action != VISIT && action != UNKNOWN;
    }

    /** Whether it decides an extension request (批准/驳回延期). */
    public static boolean decidesExtension(CaseAction action) {
        return action == APPROVE_EXTENSION || action == REJECT_EXTENSION;
    }

    /** Whether it sends the case to a unit: routing (分流), reassignment (改派), escalation (上报). */
    public static boolean sendsToUnit(CaseAction action) {
        return action == ROUTE || action == REASSIGN || action == ESCALATE;
    }

    /** What a person gives an action besides its comment: what its form asks for. */
    public enum Input {
        /** the unit to send the case to, from the unit directory */
        UNIT,
        /** working days of an extension, 1 to 10 */
        EXTENSION_DAYS,
        /** the case this one duplicates (并单) */
        MERGE_TARGET,
        /** the person of the unit who is to work the case */
        ASSIGNEE,
        /** photos, e.g. of the result */
        PHOTOS
    }

    public static Set<Input> inputs(CaseAction action) {
        return switch (action) {
            case ROUTE, REASSIGN, ESCALATE -> Set.of(Input.UNIT);
            case REQUEST_EXTENSION -> Set.of(Input.EXTENSION_DAYS);
            case MERGE -> Set.of(Input.MERGE_TARGET);
            case ASSIGN -> Set.of(Input.ASSIGNEE);
            case FEEDBACK -> Set.of(Input.PHOTOS);
            default -> Set.of();
        };
    }
}
