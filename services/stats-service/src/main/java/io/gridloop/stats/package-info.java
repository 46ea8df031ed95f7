/**
 * Statistics: every case counted once per area, period, category and source, the rates from them, exports, and the
 * districts' snapshots.
 *
 * <p>May use: its feature packages below; the contracts and the platform.
 */
package io.gridloop.stats;
