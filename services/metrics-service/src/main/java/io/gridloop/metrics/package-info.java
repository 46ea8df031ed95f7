/**
 * Metrics: the districts' figures as Prometheus gauges and the dashboard's live feed; it also serves the
 * workbench's pages.
 *
 * <p>May use: its feature packages below; the contracts and the platform.
 */
package io.gridloop.metrics;
