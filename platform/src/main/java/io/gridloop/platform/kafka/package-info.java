/**
 * Kafka the same way everywhere: topics created, typed envelopes for listeners, retries and dead letters (a Refusal
 * goes to the dead-letter topic at once), publishing, health.
 *
 * <p>May use: problem, web.
 */
package io.gridloop.platform.kafka;
