package io.gridloop.stats.counting;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;

/**
 * One document of counts: an area and a bucket of time — a day ({@code 2026-11-23}), a month ({@code 2026-11})
 * or {@code live} for figures that belong to no period. Days are Beijing days. Quarters and years are read as
 * sums of months, so each count is written to one day and one month per area.
 */
public record CellKey(AreaRef area, String bucket) {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    public static final String LIVE = "live";

    public String id() {
        return idOf(area.code(), bucket);
    }

    public static String idOf(String areaCode, String bucket) {
        return areaCode + "|" + bucket;
    }

    public static String day(Instant at) {
        return LocalDate.ofInstant(at, ZONE).toString();
    }

    public static String month(Instant at) {
        return YearMonth.from(LocalDate.ofInstant(at, ZONE)).toString();
    }
}
