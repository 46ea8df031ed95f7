/**
 * The citizen's contact details, encrypted at rest and masked when shown.
 *
 * <p>May use: the JDK only.
 */
package io.gridloop.hotline.privacy;
