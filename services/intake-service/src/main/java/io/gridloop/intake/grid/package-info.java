/**
 * The grid registry (网格库): areas and outlines, their import, locating a position, and their publication on
 * grid.area.registered.v1.
 *
 * <p>May use: the contracts and the platform only.
 */
package io.gridloop.intake.grid;
