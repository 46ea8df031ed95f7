/**
 * Reading figures: tables by level and period, an area, trends, splits, zero-complaint communities, exports.
 *
 * <p>May use: generations, areas, overdue, counting, formula, export, access.
 */
package io.gridloop.stats.query;
