/**
 * The dashboard's live feed (server-sent events) and its list of districts.
 *
 * <p>May use: district.
 */
package io.gridloop.metrics.dashboard;
