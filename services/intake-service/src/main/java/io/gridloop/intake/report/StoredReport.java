package io.gridloop.intake.report;

import io.gridloop.contracts.event.EventReported;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/**
 * A report as intake keeps it. Stored before it is published, so a report whose publication failed is still
 * known when the app retries with the same {@code clientEventId}.
 *
 * @param idempotencyKey submitter (where not the reporter) + reporter id + client event id; unique (see
 *                       {@link ReportIndexes}), so concurrent retries store one report
 * @param publishedAt    when Kafka acknowledged the event; absent while it is not yet published
 * @param submittedBy    who filed it: the signed-in caller (a grid worker, a centre, a channel's back end), or
 *                       {@code 12345} for the bridge's orders; absent on reports stored before it was recorded
 */
@Document("reports")
public record StoredReport(
        @Id String eventId,
        String idempotencyKey,
        EventReported event,
        Instant publishedAt,
        String submittedBy) {

    static String idempotencyKey(String submittedBy, String reporterId, String clientEventId) {
        // A separator that cannot occur in any id keeps ("a:b","c") and ("a","b:c") apart. Reports filed by their
        // reporter (grid workers, 12345 orders) keep the key they always had.
        String who = submittedBy.equals(reporterId) ? reporterId : submittedBy + "\u001f" + reporterId;
        return who + "\u001f" + clientEventId;
    }

    boolean published() {
        return publishedAt != null;
    }
}
