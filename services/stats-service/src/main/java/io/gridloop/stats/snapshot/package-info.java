/**
 * The districts' snapshots published on grid.stats.district.v1 when their figures changed.
 *
 * <p>May use: query (the figures), generations (which districts changed), counting.
 */
package io.gridloop.stats.snapshot;
