/**
 * The clock, in Beijing time where people read it.
 *
 * <p>May use: nothing of the platform.
 */
package io.gridloop.platform.time;
