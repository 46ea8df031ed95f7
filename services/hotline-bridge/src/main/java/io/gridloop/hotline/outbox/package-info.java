/**
 * What the hotline is to be told, queued before any call and delivered in order per work order (HotlineDelivery),
 * with its dead letters and the case's sync history.
 *
 * <p>May use: client, order, the settings.
 */
package io.gridloop.hotline.outbox;
