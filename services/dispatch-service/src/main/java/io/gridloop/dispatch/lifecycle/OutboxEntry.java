package io.gridloop.dispatch.lifecycle;

import io.gridloop.contracts.event.CaseTransitioned;

/**
 * A transition waiting in the case document to be relayed to Kafka. Written in the same document update as the
 * state change it reports, so a change can never be saved without its message (or the reverse).
 */
public record OutboxEntry(CaseTransitioned transition) {

    /**
     * The Kafka message's (envelope's) id: {@code <caseId>-<sequence>}, the same however often it is relayed, so
     * consumers drop a message they had.
     */
    public String messageId() {
        return transition.caseId() + "-" + transition.sequence();
    }
}
