package io.gridloop.dispatch.lifecycle;

import io.gridloop.contracts.event.CaseAction;
import io.gridloop.contracts.event.CaseState;

import java.time.Instant;
import java.util.List;

/**
 * One line of a case's history: who did what in which role, when, from which state to which, and why; the unit
 * handling the case afterwards, and the routing rule if one chose that unit; photos taken with the action.
 *
 * @param action the action's wire name ({@code request-extension}…), as stored since the first case
 */
public record TimelineEntry(int sequence, String action, CaseState fromState, CaseState toState, String actor,
                            String role, String comment, String handlingUnit, String handlingUnitName,
                            String assignee, String routingRule, List<String> photoIds, Instant at) {

    public TimelineEntry {
        photoIds = photoIds == null ? List.of() : List.copyOf(photoIds);
    }

    public boolean is(CaseAction wanted) {
        return wanted.wireName().equals(action);
    }
}
