package io.gridloop.dispatch.deadline;

import io.gridloop.contracts.event.EventCategory;

import java.time.Duration;
import java.time.Instant;

/**
 * When a case must be closed. For now three calendar days for every case — the "1-3-5" rule on working days
 * with the Chinese holiday calendar replaces this when deadlines are built.
 */
public final class DeadlinePolicy {

    private static final Duration GENERAL = Duration.ofDays(3);

    private DeadlinePolicy() {
    }

    public static Instant dueAt(Instant reportedAt, EventCategory category) {
        return reportedAt.plus(GENERAL);
    }
}
