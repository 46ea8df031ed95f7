/**
 * Counting exactly once: the transitions read in batches, the counts and facts stored, generations for rebuilds,
 * the known areas, the overdue cases, and the districts whose counts changed since their last snapshot.
 *
 * <p>May use: counting; nothing of the packages that read it (query, snapshot, rebuild).
 */
package io.gridloop.stats.ledger;
