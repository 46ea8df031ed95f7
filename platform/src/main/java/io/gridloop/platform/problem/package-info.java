/**
 * Refusal: what application code throws when it turns something down, in plain Java; the HTTP edge and the Kafka
 * error handler decide what it becomes.
 *
 * <p>May use: the JDK only.
 */
package io.gridloop.platform.problem;
