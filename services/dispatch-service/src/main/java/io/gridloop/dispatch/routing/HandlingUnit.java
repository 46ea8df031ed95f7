package io.gridloop.dispatch.routing;

import io.gridloop.contracts.area.AreaLevel;

/** Who handles a case: a grid centre at some level, or a functional department. */
public record HandlingUnit(String code, String name, AreaLevel level) {
}
