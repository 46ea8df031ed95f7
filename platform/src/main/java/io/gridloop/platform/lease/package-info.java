/**
 * Leases in MongoDB, so one instance at a time runs a singleton job (sweeps, watches).
 *
 * <p>May use: nothing of the platform.
 */
package io.gridloop.platform.lease;
