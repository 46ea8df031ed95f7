package io.gridloop.stats.generations;

import io.gridloop.stats.counting.AreaRef;
import io.gridloop.stats.counting.CaseFacts;

/**
 * A read model kept from what is counted (the known areas, the overdue list). The counting tells it as it folds
 * each transition, before committing; a crash replays the uncommitted records and tells it again: what it does
 * must be idempotent.
 */
public interface CountFollower {

    /** A case counted in {@code area}, before that area's cell is written. */
    default void counting(AreaRef area) {
    }

    /** A case's facts moved from {@code before} (null: first seen) to {@code after}, before they are stored. */
    default void factsChanged(Generation generation, CaseFacts before, CaseFacts after) {
    }
}
