/**
 * Taking a report: validation, the grid, idempotency, photos, publication on grid.event.reported.v1.
 *
 * <p>May use: grid, duplicate, access.
 */
package io.gridloop.intake.report;
