/**
 * The one module every service shares: what is cross-cutting and the same everywhere, configured by auto-
 * configuration.
 *
 * <p>May use: the contracts; nothing of any service.
 */
package io.gridloop.platform;
