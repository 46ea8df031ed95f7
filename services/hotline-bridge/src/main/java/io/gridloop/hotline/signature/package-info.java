/**
 * The HMAC signature check of the hotline's calls, with replay protection.
 *
 * <p>May use: the settings and the contracts.
 */
package io.gridloop.hotline.signature;
