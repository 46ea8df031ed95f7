/**
 * 考核: how grid workers are scored each month — the measures, the scoring rules of each programme (a city, a
 * district) as versioned data an administrator edits, and the score and grade a month's measures earn under the
 * rules in force for that month.
 *
 * <p>May use: nothing of the service's other packages.
 */
package io.gridloop.stats.assessment;
