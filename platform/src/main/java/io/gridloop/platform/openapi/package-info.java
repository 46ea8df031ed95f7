/**
 * The OpenAPI description every service publishes.
 *
 * <p>May use: config.
 */
package io.gridloop.platform.openapi;
