/**
 * Open311 GeoReport v2 for existing citizen apps.
 *
 * <p>May use: report, progress, grid.
 */
package io.gridloop.intake.open311;
