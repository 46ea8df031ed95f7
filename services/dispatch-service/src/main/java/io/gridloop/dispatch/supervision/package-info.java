/**
 * The deadline watch (预警, 超期督办) and the supervision records it files.
 *
 * <p>May use: casestore (its writes go through CaseCommits), queue, lifecycle, deadline, routing, unit, calendar
 * (how often to watch, with the other numbers of the 1-3-5 rule).
 */
package io.gridloop.dispatch.supervision;
