/**
 * Work orders (工单): taken in pushed or polled, stored with the case they became, the links between cases and
 * orders, and the order's view.
 *
 * <p>May use: client, signature, the settings.
 */
package io.gridloop.hotline.order;
