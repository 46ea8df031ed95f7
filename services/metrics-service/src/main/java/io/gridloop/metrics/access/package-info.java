/**
 * Who may read the figures and the feed.
 *
 * <p>May use: the platform's security.
 */
package io.gridloop.metrics.access;
