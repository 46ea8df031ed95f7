package io.gridloop.intake.grid;

import io.gridloop.contracts.event.GeoPoint;
import io.gridloop.contracts.event.HandlingLevel;

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

    public HandlingLevel level() {
        return levelOf(code);
    }

    public String parentCode() {
        return parentOf(code);
    }

    public boolean active() {
        return status == Status.ACTIVE;
    }

    static HandlingLevel levelOf(String code) {
        return switch (code.length()) {
            case 6 -> HandlingLevel.DISTRICT;
            case 9 -> HandlingLevel.STREET;
            case 12 -> HandlingLevel.COMMUNITY;
            case 15 -> HandlingLevel.GRID;
            default -> throw new IllegalArgumentException("not an area code: " + code);
        };
    }

    static String parentOf(String code) {
        return code.length() == 6 ? null : code.substring(0, code.length() - 3);
    }
}
