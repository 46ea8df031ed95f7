/**
 * Refusal: what application code throws when it turns something down, in plain Java — ChangedMeanwhile when it may
 * pass if tried again; Problem, what it shares with the HTTP edge's ApiException (code, title, members). The HTTP
 * edge and the Kafka error handler decide what a refusal becomes.
 *
 * <p>May use: the JDK only.
 */
package io.gridloop.platform.problem;
