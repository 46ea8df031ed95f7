/**
 * 统计重算: every count again from the transitions, into a new generation.
 *
 * <p>May use: ledger, areas (every district, to republish), counting, snapshot.
 */
package io.gridloop.stats.rebuild;
