/**
 * The HTTP edge: problem+json for every error (Refusal and ApiException mapped in one place), request limits, CORS
 * for the workbench.
 *
 * <p>May use: problem.
 */
package io.gridloop.platform.web;
