/**
 * The reporter's view of a report as its case moves (following grid.case.transitioned.v1), 不满意 (not fixed)
 * requests, the Open311 status updates, and who may see a report's photos.
 *
 * <p>May use: report, duplicate, access.
 */
package io.gridloop.intake.progress;
