package io.gridloop.contracts.hotline;

import java.time.Instant;
import java.util.List;

/**
 * One step of the grid platform's handling of an order, sent to the hotline (状态同步).
 *
 * @param syncId   unique per step, the hotline's idempotency key: {@code <caseId>-<transition sequence>}
 * @param sequence grows with each step of the case; one order's syncs are delivered in this order
 * @param text     for {@code REPLIED} the handling result (办理结果), for {@code IN_PROGRESS} what happened
 * @param reason   for {@code RETURNED} and {@code EXTENSION_REQUESTED}, why
 * @param photos   for {@code REPLIED}, the photos of the result the handler gave with the feedback; empty if none
 */
public record StatusSync(
        String syncId,
        String orderNumber,
        int sequence,
        SyncStatus status,
        String statusLabel,
        String text,
        String reason,
        String handlingUnit,
        Instant dueAt,
        Integer extensionWorkingDays,
        Instant occurredAt,
        List<Photo> photos) {

    /** A photo of the result: its id in gridloop, and where gridloop's API serves it. */
    public record Photo(String id, String url) {
    }

    public StatusSync {
        photos = photos == null ? List.of() : List.copyOf(photos);
    }

    /** A sync without photos. */
    public StatusSync(String syncId, String orderNumber, int sequence, SyncStatus status, String statusLabel,
                      String text, String reason, String handlingUnit, Instant dueAt, Integer extensionWorkingDays,
                      Instant occurredAt) {
        this(syncId, orderNumber, sequence, status, statusLabel, text, reason, handlingUnit, dueAt,
                extensionWorkingDays, occurredAt, List.of());
    }
}
