/**
 * The routing rules as stored, versioned data: the current set, its history, and the administrator's API to change
 * and preview them.
 *
 * <p>May use: routing and access.
 */
package io.gridloop.dispatch.rules;
