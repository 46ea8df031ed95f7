/**
 * Refusal: what application code throws when it turns something down, in plain Java — ChangedMeanwhile when it may
 * pass if tried again; ProblemMembers, what a problem document adds. The HTTP edge and the Kafka error handler
 * decide what a refusal becomes.
 *
 * <p>May use: the JDK only.
 */
package io.gridloop.platform.problem;
