/**
 * The hotline's answers to extension requests (延期审核): checked, stored, published once.
 *
 * <p>May use: order, signature.
 */
package io.gridloop.hotline.extension;
