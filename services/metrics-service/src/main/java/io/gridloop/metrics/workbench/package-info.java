/**
 * The workbench's page and its configuration (where it signs in, where each service is).
 *
 * <p>May use: the platform only.
 */
package io.gridloop.metrics.workbench;
