/**
 * Likely duplicates (疑似重复): an open report of the same sub-category close by.
 *
 * <p>May use: grid.
 */
package io.gridloop.intake.duplicate;
