/**
 * The cases overdue right now (超期), for the supervisors' list: kept from the same facts as the counts, one list
 * per generation.
 *
 * <p>May use: counting; generations (it follows the counts).
 */
package io.gridloop.stats.overdue;
