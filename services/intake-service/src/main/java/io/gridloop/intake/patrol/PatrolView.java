package io.gridloop.intake.patrol;

import io.gridloop.contracts.event.GeoPoint;
import io.gridloop.contracts.event.PatrolKind;
import io.gridloop.contracts.event.PatrolRecorded;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A patrol record as the lists and the record's page show it, with the Chinese name of its kind and how long it
 * took.
 *
 * @param duplicate true in the answer to a retry of a record already taken
 */
public record PatrolView(String patrolId, String clientPatrolId, String workerId, PatrolKind kind, String kindLabel,
                         String gridCode, String gridName, String communityCode, String streetCode,
                         String districtCode, String districtName, Instant startedAt, Instant endedAt,
                         long minutes, String notes, List<GeoPoint> track, List<String> photoIds,
                         Instant recordedAt, boolean duplicate) {

    static PatrolView of(PatrolRecorded p, boolean duplicate) {
        return new PatrolView(p.patrolId(), p.clientPatrolId(), p.workerId(), p.kind(), p.kind().label(),
                p.gridCode(), p.gridName(), p.communityCode(), p.streetCode(), p.districtCode(), p.districtName(),
                p.startedAt(), p.endedAt(), Duration.between(p.startedAt(), p.endedAt()).toMinutes(), p.notes(),
                p.track(), p.photoIds(), p.recordedAt(), duplicate);
    }

    /** One page of a list, newest first. */
    public record Page(int page, int size, long total, List<PatrolView> items) {
    }
}
