/**
 * Counting exactly once: the transitions read in batches, the counts and facts stored, generations for rebuilds,
 * the known areas and the overdue cases.
 *
 * <p>May use: counting, snapshot (to mark districts changed); query uses it back — a cycle issue 21 step 4 removes.
 */
package io.gridloop.stats.ledger;
