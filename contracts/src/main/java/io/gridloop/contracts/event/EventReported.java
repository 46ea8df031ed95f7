package io.gridloop.contracts.event;

import io.gridloop.contracts.area.AreaLevel;
import io.gridloop.contracts.area.AreaPath;
import java.time.Instant;
import java.util.List;

/**
 * Data of {@code grid.event.reported.v1}: a report intake accepted (上报). Intake has already resolved the grid to
 * its community, street and district and the sub-category to its complexity and first handling level, so no
 * consumer has to look them up.
 *
 * @param eventId         gridloop's id for the event; dispatch opens the case under the same id
 * @param clientEventId   the reporting app's own id, unique per reporter (idempotency key)
 * @param subCategory     the catalogue code (事项小类), absent only for hotline orders whose category path maps to
 *                        none; such cases go to manual triage
 * @param complexity      from the sub-category; drives the "1-3-5" deadlines
 * @param initialLevel    the level that handles the case first, from the sub-category
 * @param communityCode   the first 12 digits of the grid code (社区/村)
 * @param streetCode      the first 9 digits of the grid code (街道/乡镇)
 * @param location        where it was seen, if the reporter sent a position
 * @param occurredAt      when the reporter saw it
 * @param reportedAt      when intake accepted it
 * @param dueAt           a deadline set by the source (a 12345 order's own 办结时限); absent: the "1-3-5" rule
 * @param likelyDuplicateOf an open report of the same sub-category reported close by shortly before (疑似重复),
 *                        which dispatch may merge this one into (并单)
 * @param photoIds        photos of the scene, served by intake at {@code /api/v1/photos/{id}} (≤ 9)
 */
public record EventReported(
        String eventId,
        String clientEventId,
        String reporterId,
        ReportSource source,
        EventCategory category,
        String subCategory,
        String subCategoryName,
        Complexity complexity,
        AreaLevel initialLevel,
        Urgency urgency,
        String gridCode,
        String communityCode,
        String communityName,
        String streetCode,
        String streetName,
        String districtCode,
        String districtName,
        String description,
        GeoPoint location,
        Instant occurredAt,
        Instant reportedAt,
        Instant dueAt,
        String likelyDuplicateOf,
        List<String> photoIds) {

    public EventReported {
        photoIds = photoIds == null ? List.of() : List.copyOf(photoIds);
    }

    /** Where the case lies, as one value. */
    public AreaPath area() {
        return new AreaPath(districtCode, districtName, streetCode, streetName, communityCode, communityName, gridCode);
    }
}
