package io.gridloop.dispatch.unit;

import io.gridloop.contracts.event.HandlingLevel;

/** A unit as people read it: with the Chinese words for its kind and level. */
public record UnitView(String code, String name, UnitKind kind, String kindLabel, HandlingLevel level,
                       String levelLabel, String areaCode, boolean active) {

    public static UnitView of(Unit u) {
        return new UnitView(u.code(), u.name(), u.kind(), u.kind().label(), u.level(), u.level().label(),
                u.areaCode(), u.active());
    }
}
