package io.gridloop.intake.grid;

import io.gridloop.contracts.event.GeoPoint;
import io.gridloop.contracts.area.AreaCode;
import io.gridloop.contracts.area.AreaLevel;

import org.springframework.data.annotation.Id;

import java.time.Instant;
import java.util.List;

/**
 * One area of the grid registry: a district (6-digit code), street or town (9), community or village (12) or
 * grid (15). Its level and parent follow from the code. Retired areas stay, so old reports still resolve, but
 * take no new reports.
 *
 * @param centroid optional: where the area's centre lies
 * @param polygon  optional: the area's outline, WGS-84, not closed (the last point connects to the first)
 */
public record GridArea(@Id String code, String name, Status status, GeoPoint centroid, List<GeoPoint> polygon,
                       Instant updatedAt) {

    public enum Status {
        ACTIVE, RETIRED
    }

    public GridArea {
        polygon = polygon == null ? List.of() : List.copyOf(polygon);
    }

    /** The registry holds districts and what lies in them: a six-digit code here is a district's. */
    public AreaLevel level() {
        return code.length() == 6 ? AreaLevel.DISTRICT : AreaCode.of(code).level();
    }

    /** The area one level up; absent for a district, the registry's top. */
    public String parentCode() {
        return level() == AreaLevel.DISTRICT ? null : AreaCode.of(code).parent().orElseThrow().value();
    }

    public boolean active() {
        return status == Status.ACTIVE;
    }

}
