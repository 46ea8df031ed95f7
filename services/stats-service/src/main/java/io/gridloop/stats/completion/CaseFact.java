package io.gridloop.stats.completion;

import java.util.List;

/**
 * The transitions already counted for one case, with where each was read from. A transition id seen before at
 * another position is a duplicate publication and adds nothing; seen before at the same position it is a
 * redelivery after a crash, and its count is re-applied under the counters' offset guard.
 */
record CaseFact(String id, List<Applied> applied) {

    record Applied(String eventId, int partition, long offset) {
    }
}
