/**
 * Who may call the bridge's API: the hotline by signature, operators and administrators by token.
 *
 * <p>May use: the platform's security.
 */
package io.gridloop.hotline.access;
