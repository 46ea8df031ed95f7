/**
 * Who may report as which source, in which grids, and who may see a report.
 *
 * <p>May use: the platform's security.
 */
package io.gridloop.intake.access;
