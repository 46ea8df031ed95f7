/**
 * Counting exactly once: the transitions read in batches, the algorithm (CountLedger) and its two stores (the count
 * cells, the case facts), generations for rebuilds, and the districts whose counts changed since their last
 * snapshot. Read models kept from the counts (known areas, the overdue list) follow it as CountFollowers.
 *
 * <p>May use: counting; nothing of the packages that read or follow it (areas, overdue, query, snapshot, rebuild).
 */
package io.gridloop.stats.ledger;
