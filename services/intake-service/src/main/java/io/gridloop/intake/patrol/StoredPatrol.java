package io.gridloop.intake.patrol;

import io.gridloop.contracts.event.PatrolRecorded;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/**
 * A patrol record as intake keeps it: stored before it is published, so a retry after a failed publication still
 * finds it (as reports are).
 *
 * @param idempotencyKey the worker and the app's id for the record; unique ({@link PatrolIndexes})
 * @param publishedAt    when Kafka acknowledged it; absent until then
 */
@Document("patrols")
record StoredPatrol(@Id String patrolId, String idempotencyKey, PatrolRecorded patrol, Instant publishedAt) {

    static String idempotencyKey(String workerId, String clientPatrolId) {
        return workerId + "\u001f" + clientPatrolId;
    }

    boolean published() {
        return publishedAt != null;
    }
}
