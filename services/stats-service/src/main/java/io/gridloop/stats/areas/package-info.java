/**
 * Every area statistics know of — from intake's registry (with names) and from the cases counted — so tables and
 * drill-downs list areas that had nothing in a period, too.
 *
 * <p>May use: counting; generations (it follows the counts, and marks a district whose area names changed).
 */
package io.gridloop.stats.areas;
