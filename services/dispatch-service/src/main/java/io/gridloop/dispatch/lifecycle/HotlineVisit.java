package io.gridloop.dispatch.lifecycle;

import io.gridloop.contracts.event.VisitResolution;
import io.gridloop.contracts.event.VisitSatisfaction;

import java.time.Instant;

/**
 * The latest 12345 return visit (回访) of a case.
 *
 * @param visitId        the visit record's id: the same visit delivered twice is recorded once
 * @param closedSequence the closure the citizen judged (the sequence of that {@code close}), if the case was closed
 */
public record HotlineVisit(String visitId, String orderNumber, VisitResolution resolution,
                           VisitSatisfaction satisfaction, Instant visitedAt, Integer closedSequence) {
}
