package io.gridloop.contracts.event;

import java.time.Instant;

/**
 * Data of {@code grid.event.reopen-requested.v1}: the reporter says a closed event is not fixed (未解决) and asks
 * for it to be handled again.
 *
 * @param closedSequence  the sequence of the closing transition the reporter saw: dispatch re-opens only that
 *                        closure, so a repeated request changes nothing
 * @param requestedBy     who asked: the reporter, or a dispatch centre or channel passing the reporter's word on;
 *                        absent in requests from before it was recorded (then: the reporter)
 * @param requestedByRole the role of {@code requestedBy} when not the reporter ({@code OPERATOR},
 *                        {@code REPORTER_APP}); absent when the reporter asked
 */
public record ReopenRequested(String eventId, String reporterId, String comment, int closedSequence,
                              Instant requestedAt, String requestedBy, String requestedByRole) {

    /** Who the case's timeline names as having asked. */
    public String asker() {
        return requestedBy == null || requestedBy.isBlank() ? reporterId : requestedBy;
    }
}
