/**
 * Photos: stored by content hash, typed by content, served with their digest; who may read one is each service's
 * PhotoAccess.
 *
 * <p>May use: problem, security, web.
 */
package io.gridloop.platform.photo;
