/**
 * 考核: how grid workers are scored each month — the measures, the scoring rules of each programme (a city, a
 * district) as versioned data an administrator edits, and the score and grade a month's measures earn under the
 * rules in force for that month.
 *
 * The roster of grid workers (who is assessed, for which grids), their patrols by month, and how a month's counts
 * become the measures are kept here too.
 *
 * <p>May use: counting (the codes of the case counts a month's measures are made of), areas (whether a roster's
 * grids exist).
 */
package io.gridloop.stats.assessment;
