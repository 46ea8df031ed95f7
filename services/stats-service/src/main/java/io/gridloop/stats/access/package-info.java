/**
 * Who may read which areas' figures.
 *
 * <p>May use: the platform's security.
 */
package io.gridloop.stats.access;
