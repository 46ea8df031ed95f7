/**
 * From case transitions to what the hotline hears: status syncs of 12345 cases, escalations to the city, declined
 * orders.
 *
 * <p>May use: order, outbox, the settings.
 */
package io.gridloop.hotline.sync;
