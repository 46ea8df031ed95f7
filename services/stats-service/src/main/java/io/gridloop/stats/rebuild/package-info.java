/**
 * 统计重算: every count again from the transitions, into a new generation.
 *
 * <p>May use: ledger, snapshot.
 */
package io.gridloop.stats.rebuild;
