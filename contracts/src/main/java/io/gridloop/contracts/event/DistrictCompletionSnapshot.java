package io.gridloop.contracts.event;

import java.time.Instant;

/**
 * Data of {@code grid.stats.district.v1}: a district's completion counts as of a moment.
 *
 * @param reported       events reported so far (上报数)
 * @param closed         events closed so far (办结数)
 * @param completionRate 办结率 = closed ÷ reported, 0..1; absent while nothing was reported
 * @param asOf           when stats computed the snapshot; readers keep the newest
 */
public record DistrictCompletionSnapshot(
        String districtCode,
        String districtName,
        long reported,
        long closed,
        Double completionRate,
        Instant asOf) {
}
