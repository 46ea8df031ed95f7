/**
 * The OpenAPI description every service publishes.
 *
 * <p>May use: nothing of the platform.
 */
package io.gridloop.platform.openapi;
