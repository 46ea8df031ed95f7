/**
 * Excel and CSV files of a table.
 *
 * <p>May use: nothing of statistics.
 */
package io.gridloop.stats.export;
