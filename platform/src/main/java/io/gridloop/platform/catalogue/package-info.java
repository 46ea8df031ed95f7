/**
 * The sub-category catalogue as a bean.
 *
 * <p>May use: the contracts.
 */
package io.gridloop.platform.catalogue;
