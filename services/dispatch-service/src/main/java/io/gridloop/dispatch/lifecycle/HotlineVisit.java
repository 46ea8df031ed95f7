package io.gridloop.dispatch.lifecycle;

import io.gridloop.contracts.event.VisitResolution;
import io.gridloop.contracts.event.VisitSatisfaction;

import java.time.Instant;
import java.util.List;

/**
 * The latest 12345 return visit (回访) of a case.
 *
 * @param visitId        the visit record's id: the same visit delivered twice is recorded once
 * @param closedSequence the closure the citizen judged (the sequence of that {@code close}), if the case was closed
 * @param earlierVisitIds the ids of the visits recorded before this one, so that a redelivery of an older visit
 *                        (after a consumer restart replays a partition) is not recorded a second time
 */
public record HotlineVisit(String visitId, String orderNumber, VisitResolution resolution,
                           VisitSatisfaction satisfaction, Instant visitedAt, Integer closedSequence,
                           List<String> earlierVisitIds) {

    public HotlineVisit {
        earlierVisitIds = earlierVisitIds == null ? List.of() : List.copyOf(earlierVisitIds);
    }

    public HotlineVisit(String visitId, String orderNumber, VisitResolution resolution,
                        VisitSatisfaction satisfaction, Instant visitedAt, Integer closedSequence) {
        this(visitId, orderNumber, resolution, satisfaction, visitedAt, closedSequence, List.of());
    }

    /** Whether the visit with this id is recorded on the case already. */
    public boolean includes(String id) {
        return visitId.equals(id) || earlierVisitIds.contains(id);
    }

    /** This visit's ids followed by the next one's, as the next visit remembers them. */
    List<String> idsSoFar() {
        List<String> ids = new java.util.ArrayList<>(earlierVisitIds);
        ids.add(visitId);
        return ids;
    }
}
