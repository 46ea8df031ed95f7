package io.gridloop.contracts.event;

import java.time.Instant;
import java.util.List;

/**
 * Data of {@code grid.stats.district.v1}: a district's completion figures for the current year, and its open and
 * overdue cases, as of a moment.
 *
 * @param reported       events reported so far (上报数)
 * @param closed         events closed so far (办结数)
 * @param completionRate 办结率 = closed ÷ reported, 0..1; absent while nothing was reported
 * @param asOf           when stats computed the snapshot; readers keep the newest
 * @param period         the period the counts and rates are for: the current year, e.g. {@code 2026}
 * @param closedOnTime   events closed by their deadline (按期办结数)
 * @param onTimeRate     按期办结率 as the city's formulas define it; absent while its denominator is 0
 * @param overdueNow     open cases past their deadline now (超期), whatever the period
 * @param openNow        open cases now (在办)
 * @param months         the last twelve months up to this one, oldest first, for trend charts
 */
public record DistrictCompletionSnapshot(
        String districtCode,
        String districtName,
        long reported,
        long closed,
        Double completionRate,
        Instant asOf,
        String period,
        long closedOnTime,
        Double onTimeRate,
        long overdueNow,
        long openNow,
        List<Month> months) {

    /** One month of a district's trend: cases reported in the month, how many of them are closed, 办结率. */
    public record Month(String month, long reported, long closed, Double completionRate) {
    }
}
