package io.gridloop.dispatch.unit;

import io.gridloop.contracts.area.AreaLevel;

import java.util.List;

/**
 * A unit as people read it: with the Chinese words for its kind and level.
 *
 * @param feedbackPhotos how many photos of the result its feedback must carry (0: none required)
 */
public record UnitView(String code, String name, UnitKind kind, String kindLabel, AreaLevel level,
                       String levelLabel, String areaCode, boolean active, int feedbackPhotos,
                       List<Member> members) {

    public static UnitView of(Unit u) {
        return new UnitView(u.code(), u.name(), u.kind(), u.kind().label(), u.level(), u.level().label(),
                u.areaCode(), u.active(), u.feedbackPhotos(), u.members());
    }
}
