/**
 * The sub-category catalogue as the apps read it.
 *
 * <p>May use: the contracts' catalogue.
 */
package io.gridloop.intake.catalogue;
