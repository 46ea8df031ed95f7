package io.gridloop.stats.areas;

import io.gridloop.contracts.area.AreaCode;
import io.gridloop.contracts.area.AreaLevel;
import io.gridloop.contracts.event.AreaRegistered;
import io.gridloop.stats.counting.AreaRef;
import io.gridloop.stats.generations.DirtyDistricts;
import org.springframework.stereotype.Component;

/**
 * Learns every area of intake's grid registry, with its name, so tables and drill-downs list areas no case has
 * come from yet — a community without a single 12345 order is a 零投诉 community — and grids have names.
 * Idempotent: an area registered again changes nothing.
 */
@Component
public class AreaRegistry {

    private final KnownAreas areas;
    private final DirtyDistricts dirty;

    AreaRegistry(KnownAreas areas, DirtyDistricts dirty) {
        this.areas = areas;
        this.dirty = dirty;
    }

    public void registered(AreaRegistered a) {
        AreaLevel level = a.level();
        if (level == AreaLevel.DISTRICT) {
            areas.remember(new AreaRef(AreaLevel.CITY, AreaCode.of(a.code()).city().value(), null, null));
        }
        String parent = level == AreaLevel.DISTRICT ? AreaCode.of(a.code()).city().value() : a.parentCode();
        if (areas.remember(new AreaRef(level, a.code(), a.name(), parent))) {
            // Open dashboards redraw on the district's next snapshot, and so show the new area.
            dirty.mark(AreaCode.of(a.code()).at(AreaLevel.DISTRICT).value());
        }
    }
}
