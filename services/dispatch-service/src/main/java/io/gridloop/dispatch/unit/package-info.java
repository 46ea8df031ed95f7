/**
 * The unit directory (处置单位名录): centres from the grid registry, departments, their members, and the checks on the
 * unit a person chooses.
 *
 * <p>May use: lifecycle, routing, rules.
 */
package io.gridloop.dispatch.unit;
