package io.gridloop.contracts.event;

import java.time.Instant;

/**
 * Data of {@code grid.event.reported.v1}: a report intake accepted (上报). Intake has already resolved the grid to
 * its district, so no consumer has to look it up.
 *
 * @param eventId       gridloop's id for the event; dispatch opens the case under the same id
 * @param clientEventId the reporting app's own id, unique per reporter (idempotency key)
 * @param location      where it was seen, if the reporter sent a position
 * @param occurredAt    when the reporter saw it
 * @param reportedAt    when intake accepted it
 */
public record EventReported(
        String eventId,
        String clientEventId,
        String reporterId,
        ReportSource source,
        EventCategory category,
        String gridCode,
        String districtCode,
        String districtName,
        String description,
        GeoPoint location,
        Instant occurredAt,
        Instant reportedAt) {
}
