package io.gridloop.dispatch.routing;

/** Who handles a case: a grid centre at some level, or a functional department. */
public record HandlingUnit(String code, String name, HandlingLevel level) {
}
