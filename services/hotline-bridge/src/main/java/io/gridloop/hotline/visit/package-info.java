/**
 * The hotline's return visits (回访): checked, stored, published once per visit.
 *
 * <p>May use: order, signature.
 */
package io.gridloop.hotline.visit;
