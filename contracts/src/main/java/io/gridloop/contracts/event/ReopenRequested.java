package io.gridloop.contracts.event;

import java.time.Instant;

/**
 * Data of {@code grid.event.reopen-requested.v1}: the reporter says a closed event is not fixed (未解决) and asks
 * for it to be handled again.
 *
 * @param closedSequence the sequence of the closing transition the reporter saw: dispatch re-opens only that
 *                       closure, so a repeated request changes nothing
 */
public record ReopenRequested(String eventId, String reporterId, String comment, int closedSequence,
                              Instant requestedAt) {
}
