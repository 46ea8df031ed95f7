/**
 * MongoDB set-up and its health.
 *
 * <p>May use: nothing of the platform.
 */
package io.gridloop.platform.mongo;
