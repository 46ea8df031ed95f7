package io.gridloop.dispatch.lifecycle;

import io.gridloop.contracts.event.EventCategory;
import io.gridloop.contracts.event.EventReported;
import io.gridloop.contracts.event.GeoPoint;
import io.gridloop.contracts.event.ReportSource;
import io.gridloop.contracts.event.Urgency;

import java.time.Instant;

/**
 * What was reported (上报内容): set when the case opens and never changed by handling it.
 *
 * @param subCategory       the catalogue code (事项小类); absent for hotline orders mapped to none
 * @param likelyDuplicateOf an open case intake found close by, of the same sub-category (疑似重复): a candidate to
 *                          merge into (并单)
 * @param gridWorkerId      the grid worker who reported it, on a grid worker's report (source {@code GRID_PATROL}):
 *                          their monthly assessment counts it. Other reporters are not kept here — a citizen's
 *                          identity stays with the report in intake
 */
public record Report(EventCategory category, String subCategory, String subCategoryName, ReportSource source,
                     Urgency urgency, String description, GeoPoint location, String likelyDuplicateOf,
                     Instant reportedAt, String gridWorkerId) {

    static Report of(EventReported event) {
        return new Report(event.category(), event.subCategory(), event.subCategoryName(), event.source(),
                event.urgency(), event.description(), event.location(), event.likelyDuplicateOf(),
                event.reportedAt(),
                event.source() == ReportSource.GRID_PATROL ? event.reporterId() : null);
    }
}
