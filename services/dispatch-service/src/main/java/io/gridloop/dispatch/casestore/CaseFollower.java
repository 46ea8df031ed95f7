package io.gridloop.dispatch.casestore;

import io.gridloop.dispatch.lifecycle.CaseFile;

/**
 * A view of cases kept beside the case store (the work queues), told of a case each time its events have gone out,
 * so it follows the case exactly as far as Kafka does — and is healed by the outbox sweep like the events.
 */
public interface CaseFollower {

    /** {@code stored} is the case as stored, whose events Kafka just acknowledged. */
    void follow(CaseFile stored);
}
