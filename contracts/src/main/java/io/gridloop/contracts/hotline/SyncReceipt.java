package io.gridloop.contracts.hotline;

/** The hotline's answer to a status sync; {@code duplicate} when it had recorded the sync before. */
public record SyncReceipt(String syncId, boolean duplicate) {
}
