package io.gridloop.contracts.event;

import java.time.Instant;

/**
 * Data of {@code grid.hotline.visit.recorded.v1}: the 12345 platform's return visit (回访) to the citizen of a
 * hotline order, passed on by the bridge. Dispatch records it on the case (and may re-open the case when the
 * citizen is not satisfied); statistics count it from the case's transition.
 *
 * @param caseId      the grid case the hotline order became
 * @param orderNumber the hotline's work-order number (工单编号)
 * @param comment     what the citizen said, if anything
 * @param visitor     who made the visit (the hotline's agent id), if known
 */
public record HotlineVisitRecorded(
        String caseId,
        String orderNumber,
        VisitResolution resolution,
        VisitSatisfaction satisfaction,
        String comment,
        String visitor,
        Instant visitedAt) {
}
