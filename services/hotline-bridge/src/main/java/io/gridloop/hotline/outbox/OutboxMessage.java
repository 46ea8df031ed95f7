package io.gridloop.hotline.outbox;

import io.gridloop.contracts.hotline.EscalationReport;
import io.gridloop.contracts.hotline.StatusSync;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/**
 * A message for the 12345 platform that has not been delivered yet. Its id orders a case's messages by their
 * transition's sequence, so the relay can deliver each work order's messages in order by reading ids alone.
 *
 * @param orderNumber   the work order, or {@code null} for an escalation (the hotline has yet to open one)
 * @param attempts      deliveries that failed so far
 * @param nextAttemptAt not before then (backoff after a failure)
 * @param occurredAt    when the case changed: sync latency is measured from it
 */
@Document(OutboxMessage.COLLECTION)
public record OutboxMessage(@Id String id, String caseId, String orderNumber, Kind kind, int sequence,
                            StatusSync sync, EscalationReport escalation, Status status, int attempts,
                            Instant nextAttemptAt, String lastError, Instant createdAt, Instant occurredAt,
                            Instant parkedAt) {

    public static final String COLLECTION = "hotline_outbox";

    public enum Kind {
        STATUS_SYNC("状态同步"),
        ESCALATION("上报12345派单");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public enum Status {
        /** Waiting for (another) delivery. */
        PENDING,
        /** Given up on after too many failures, or refused by the hotline: a dead letter, until retried by hand. */
        PARKED
    }

    /** Ids sort by case, then by sequence: zero-padded so that 10 comes after 9. */
    public static String idOf(String caseId, int sequence) {
        return caseId + "-" + String.format("%010d", sequence);
    }

    static OutboxMessage sync(String caseId, StatusSync sync, Instant now, Instant occurredAt) {
        return new OutboxMessage(idOf(caseId, sync.sequence()), caseId, sync.orderNumber(), Kind.STATUS_SYNC,
                sync.sequence(), sync, null, Status.PENDING, 0, now, null, now, occurredAt, null);
    }

    static OutboxMessage escalation(String caseId, int sequence, EscalationReport report, Instant now,
                                    Instant occurredAt) {
        return new OutboxMessage(idOf(caseId, sequence), caseId, null, Kind.ESCALATION, sequence, null, report,
                Status.PENDING, 0, now, null, now, occurredAt, null);
    }
}
