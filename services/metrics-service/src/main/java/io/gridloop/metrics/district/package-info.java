/**
 * The newest snapshot of every district, read by every instance from the whole compacted topic, and the gauges read
 * from it.
 *
 * <p>May use: the contracts and the platform only.
 */
package io.gridloop.metrics.district;
