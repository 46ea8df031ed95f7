/**
 * Intake: reports from grid workers, citizens, cameras and 12345 orders, the grid registry, and the reporter's view
 * of progress.
 *
 * <p>May use: its feature packages below; the contracts and the platform.
 */
package io.gridloop.intake;
