package io.gridloop.dispatch.lifecycle;

import io.gridloop.dispatch.routing.RoutingDecision;

import java.util.List;

/**
 * What a person gives with an action.
 *
 * @param role                 the role the actor acts in (OPERATOR, HANDLER, REVIEWER…); recorded in the timeline
 * @param reason               why, or a remark (required for returns, escalations, rework, suspensions,
 *                             invalidations, reassignments, extension requests and their rejection)
 * @param extensionWorkingDays how many working days an extension request asks for
 * @param mergeInto            the case this one duplicates, for a merge (并单)
 * @param assignee             the person a case is assigned to, for {@code assign}
 * @param routing              the unit for {@code route} and {@code reassign}, and for {@code escalate} if the
 *                             rules name one at the level above; with the rule that chose it, if any
 * @param photoIds             photos taken with the action, e.g. of the result with a feedback (反馈), by the
 *                             ids the photo store gave them
 */
public record ActionInput(String actor, String role, String reason, Integer extensionWorkingDays, String mergeInto,
                          String assignee, RoutingDecision routing, List<String> photoIds, HotlineVisit visit) {

    public ActionInput {
        photoIds = photoIds == null ? List.of() : List.copyOf(photoIds);
    }

    public ActionInput(String actor, String role, String reason, Integer extensionWorkingDays, String mergeInto,
                       String assignee, RoutingDecision routing, List<String> photoIds) {
        this(actor, role, reason, extensionWorkingDays, mergeInto, assignee, routing, photoIds, null);
    }

    public static final String SYSTEM_ROLE = "SYSTEM";

    public static ActionInput by(String actor) {
        return new ActionInput(actor, null, null, null, null, null, null, null);
    }

    public static ActionInput by(String actor, String reason) {
        return new ActionInput(actor, null, reason, null, null, null, null, null);
    }

    public static ActionInput system(String reason) {
        return new ActionInput(CaseFile.SYSTEM, SYSTEM_ROLE, reason, null, null, null, null, null);
    }

    /** The same input, taken in {@code role}. */
    public ActionInput actingAs(String role) {
        return new ActionInput(actor, role, reason, extensionWorkingDays, mergeInto, assignee, routing, photoIds,
                visit);
    }

    public ActionInput routedBy(RoutingDecision decision) {
        return new ActionInput(actor, role, reason, extensionWorkingDays, mergeInto, assignee, decision, photoIds,
                visit);
    }
}
