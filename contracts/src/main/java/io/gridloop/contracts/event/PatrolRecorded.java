package io.gridloop.contracts.event;

import java.time.Instant;
import java.util.List;

/**
 * Data of {@code grid.patrol.recorded.v1}: a patrol or household visit a grid worker recorded (巡查走访记录, 民情日志)
 * in one of their grids — the duty no report shows, counted in the monthly assessment of grid workers.
 *
 * @param patrolId       intake's id of the record (also the record key)
 * @param clientPatrolId the phone app's own id for it: a retry with the same one records nothing twice
 * @param workerId       the grid worker who went (the signed-in caller)
 * @param track          optional: positions along the way, WGS-84, in the order walked
 * @param photoIds       optional: photos uploaded first ({@code POST /api/v1/photos})
 * @param recordedAt     when intake took the record
 */
public record PatrolRecorded(String patrolId, String clientPatrolId, String workerId, PatrolKind kind,
                             String gridCode, String gridName, String communityCode, String streetCode,
                             String districtCode, String districtName, Instant startedAt, Instant endedAt,
                             String notes, List<GeoPoint> track, List<String> photoIds, Instant recordedAt) {

    public PatrolRecorded {
        track = track == null ? List.of() : List.copyOf(track);
        photoIds = photoIds == null ? List.of() : List.copyOf(photoIds);
    }
}
