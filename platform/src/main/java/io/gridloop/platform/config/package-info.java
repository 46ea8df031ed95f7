/**
 * The shared defaults (gridloop-defaults.yml) every service starts from.
 *
 * <p>May use: the root package.
 */
package io.gridloop.platform.config;
