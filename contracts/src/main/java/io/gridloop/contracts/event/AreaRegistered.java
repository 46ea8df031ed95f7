package io.gridloop.contracts.event;

import io.gridloop.contracts.area.AreaLevel;
import java.time.Instant;

/**
 * Data of {@code grid.area.registered.v1}: one area of intake's grid registry (网格库) as it stands — a district,
 * street or town, community or village, or grid — so other services know every area and its Chinese name, also
 * those no case has come from yet (a community with no 12345 complaint at all is still a 零投诉 community).
 * Compacted by area code: a new reader gets the whole registry.
 *
 * @param level      DISTRICT, STREET, COMMUNITY or GRID
 * @param parentCode the area one level up; absent for a district
 * @param active     false once the area is retired (撤并): kept for history, no new reports
 */
public record AreaRegistered(String code, String name, AreaLevel level, String parentCode, boolean active,
                             Instant updatedAt) {
}
