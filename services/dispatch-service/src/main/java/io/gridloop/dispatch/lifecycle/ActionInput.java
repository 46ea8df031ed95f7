package io.gridloop.dispatch.lifecycle;

import io.gridloop.dispatch.routing.HandlingUnit;

/**
 * What a person gives with an action.
 *
 * @param reason               why, or a remark (required for returns, escalations, rework, suspensions, invalidations,
 *                             extension requests and their rejection)
 * @param extensionWorkingDays how many working days an extension request asks for
 * @param mergeInto            the case this one duplicates, for a merge (并单)
 * @param unit                 the unit to route to when an operator re-triages a returned case; absent: the
 *                             default route
 */
public record ActionInput(String actor, String reason, Integer extensionWorkingDays, String mergeInto,
                          HandlingUnit unit) {

    public static ActionInput by(String actor) {
        return new ActionInput(actor, null, null, null, null);
    }

    public static ActionInput by(String actor, String reason) {
        return new ActionInput(actor, reason, null, null, null);
    }
}
