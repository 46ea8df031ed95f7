package io.gridloop.stats.ledger;

import io.gridloop.stats.counting.AreaRef;
import io.gridloop.stats.counting.CaseFacts;

/**
 * A read model kept from what the ledger counts (the known areas, the overdue list). The ledger tells it at fixed
 * points of a batch, so a crash and the redelivery after it tell it again: what it does must be idempotent.
 */
public interface CountFollower {

    /** A case counted in {@code area}, before that area's cell is written. */
    default void counting(AreaRef area) {
    }

    /** A case's facts moved from {@code before} (null: first seen) to {@code after}, before they are stored. */
    default void factsChanged(Generation generation, CaseFacts before, CaseFacts after) {
    }
}
