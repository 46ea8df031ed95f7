package io.gridloop.dispatch.routing;

/**
 * The unit a case goes to and why: the rule that fired ({@code <rule id>@v<version>}), or {@code null} when a
 * person chose the unit.
 */
public record RoutingDecision(HandlingUnit unit, String rule) {

    public static RoutingDecision manual(HandlingUnit unit) {
        return new RoutingDecision(unit, null);
    }
}
