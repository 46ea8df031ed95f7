/**
 * Sign-in: the token's caller (roles, areas, unit), the rules of who may call what, and the answers when one may
 * not.
 *
 * <p>May use: problem, web.
 */
package io.gridloop.platform.security;
