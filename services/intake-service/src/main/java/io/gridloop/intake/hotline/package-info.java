/**
 * 12345 orders turned into reports, or declined back to the hotline.
 *
 * <p>May use: report, grid, access.
 */
package io.gridloop.intake.hotline;
