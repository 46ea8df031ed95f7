package io.gridloop.dispatch.lifecycle;

import io.gridloop.contracts.event.CaseTransitioned;

/**
 * A transition event waiting in the case document to be relayed to Kafka. Written in the same document update
 * as the state change it reports, so a change can never be saved without its event (or the reverse).
 *
 * @param eventId the envelope id: {@code <caseId>-<sequence>}, the same however often it is relayed
 */
public record OutboxEntry(String eventId, CaseTransitioned transition) {
}
