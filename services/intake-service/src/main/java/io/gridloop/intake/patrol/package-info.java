/**
 * Patrols and household visits a grid worker records (巡查走访, 民情日志): validation, the grid, idempotency,
 * publication on grid.patrol.recorded.v1, and the lists of them by worker and area.
 *
 * <p>May use: grid, access, report (a position's coordinate systems, as reports give them).
 */
package io.gridloop.intake.patrol;
