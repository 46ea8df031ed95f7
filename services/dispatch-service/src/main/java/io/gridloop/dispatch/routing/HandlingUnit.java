package io.gridloop.dispatch.routing;

import io.gridloop.contracts.event.HandlingLevel;

/** Who handles a case: a grid centre at some level, or a functional department. */
public record HandlingUnit(String code, String name, HandlingLevel level) {
}
