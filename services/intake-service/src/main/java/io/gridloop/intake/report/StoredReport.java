package io.gridloop.intake.report;

import io.gridloop.contracts.event.EventReported;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/**
 * A report as intake keeps it. Stored before it is published, so a report whose publication failed is still
 * known when the app retries with the same {@code clientEventId}.
 *
 * @param idempotencyKey reporter id + client event id; unique (see {@link ReportIndexes}), so concurrent
 *                       retries store one report
 * @param publishedAt    when Kafka acknowledged the event; absent while it is not yet published
 */
@Document("reports")
public record StoredReport(
        @Id String eventId,
        String idempotencyKey,
        EventReported event,
        Instant publishedAt) {

    static String idempotencyKey(String reporterId, String clientEventId) {
        // A separator that cannot occur in either id keeps ("a:b","c") and ("a","b:c") apart.
        return reporterId + "\u001f" + clientEventId;
    }

    boolean published() {
        return publishedAt != null;
    }
}
