/**
 * The districts' snapshots published on grid.stats.district.v1 when their figures changed.
 *
 * <p>May use: counting, query.
 */
package io.gridloop.stats.snapshot;
