/**
 * Reading figures: tables by level and period, an area, trends, splits, zero-complaint communities, towns' quotas,
 * grid workers' monthly scores and warnings, exports.
 *
 * <p>May use: generations, areas, overdue, counting, formula, export, access, assessment.
 */
package io.gridloop.stats.query;
