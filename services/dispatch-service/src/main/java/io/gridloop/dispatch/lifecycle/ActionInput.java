package io.gridloop.dispatch.lifecycle;

import io.gridloop.dispatch.routing.RoutingDecision;

import java.time.Instant;
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
 * @param visit                the 12345 return visit a {@code visit} records
 * @param decidedDueAt         the deadline the 12345 platform set when it granted a hotline case's extension
 */
public record ActionInput(String actor, String role, String reason, Integer extensionWorkingDays, String mergeInto,
                          String assignee, RoutingDecision routing, List<String> photoIds, HotlineVisit visit,
                          Instant decidedDueAt) {

    /** The role the 12345 platform acts in: its return visits and its answers to extension requests. */
    public static final String HOTLINE_ROLE = "HOTLINE";

    public ActionInput {
        photoIds = photoIds == null ? List.of() : List.copyOf(photoIds);
    }

    public ActionInput(String actor, String role, String reason, Integer extensionWorkingDays, String mergeInto,
                       String assignee, RoutingDecision routing, List<String> photoIds, HotlineVisit visit) {
        this(actor, role, reason, extensionWorkingDays, mergeInto, assignee, routing, photoIds, visit, null);
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

    /** The 12345 platform's answer to an extension request; {@code dueAt} only when it granted it. */
    public static ActionInput hotlineDecision(String reason, Instant dueAt) {
        return new ActionInput("12345", HOTLINE_ROLE, reason, null, null, null, null, null, null, dueAt);
    }

    public static ActionInput system(String reason) {
        return new ActionInput(CaseFile.SYSTEM, SYSTEM_ROLE, reason, null, null, null, null, null);
    }

    /** The same input, taken in {@code role}. */
    public ActionInput actingAs(String role) {
        return new ActionInput(actor, role, reason, extensionWorkingDays, mergeInto, assignee, routing, photoIds,
                visit, decidedDueAt);
    }

    public ActionInput routedBy(RoutingDecision decision) {
        return new ActionInput(actor, role, reason, extensionWorkingDays, mergeInto, assignee, decision, photoIds,
                visit, decidedDueAt);
    }
}
