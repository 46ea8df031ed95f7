/**
 * The audit trail of every request (who, what, when, from where), its retention and its API.
 *
 * <p>May use: security, lease.
 */
package io.gridloop.platform.audit;
