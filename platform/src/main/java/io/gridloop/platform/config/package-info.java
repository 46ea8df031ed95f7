/**
 * The shared defaults (gridloop-defaults.yml) every service starts from, and the settings all of them share.
 *
 * <p>May use: the root package.
 */
package io.gridloop.platform.config;
