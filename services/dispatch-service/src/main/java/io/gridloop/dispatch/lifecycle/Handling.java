package io.gridloop.dispatch.lifecycle;

import io.gridloop.contracts.area.AreaLevel;
import io.gridloop.dispatch.routing.HandlingUnit;
import io.gridloop.dispatch.routing.RoutingDecision;

/**
 * Who has a case now and at which level it is handled.
 *
 * @param unitCode    the handling unit (承办单位), or the district's triage desk while a person must route the case
 * @param level       the level the case is handled at (网格 … 市); at the triage desk, the level it is to go to
 * @param routingRule the rule that chose the unit ({@code id@vN}); absent when a person chose
 * @param assignee    the person working the case in its unit (签收 / 指派), if anyone
 */
public record Handling(String unitCode, String unitName, AreaLevel level, String routingRule, String assignee) {

    /** Waiting at {@code triage} for a person, to be handled at {@code level}. */
    static Handling atTriage(HandlingUnit triage, AreaLevel level) {
        return new Handling(triage.code(), triage.name(), level, null, null);
    }

    /** A new unit takes the case: whoever worked it in the old unit no longer does. */
    Handling routedTo(RoutingDecision routing) {
        HandlingUnit unit = routing.unit();
        return new Handling(unit.code(), unit.name(), unit.level(), routing.rule(), null);
    }

    /** Returned (退单) to {@code triage}: routed again from the level it was at. */
    Handling returnedTo(HandlingUnit triage) {
        return atTriage(triage, level);
    }

    Handling assignedTo(String person) {
        return new Handling(unitCode, unitName, level, routingRule, person);
    }
}
