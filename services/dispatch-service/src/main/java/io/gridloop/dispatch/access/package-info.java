/**
 * Who may do what to a case or a setting: the operator, unit, grid worker and supervisor checks shared by the
 * controllers, and who may see a case's photos.
 *
 * <p>May use: casestore (to find a case), lifecycle and routing; the platform's Caller.
 */
package io.gridloop.dispatch.access;
