package io.gridloop.platform.kafka;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * How every service uses Kafka beyond Spring's own {@code spring.kafka.*} ({@code gridloop.kafka.*}).
 *
 * @param replicationFactor     copies of each topic the services create (1 for one broker; 3 in production)
 * @param healthTimeout         how long the readiness check waits for the broker before calling it down
 * @param producerCloseTimeout  how long a producer may wait for the broker when the service stops
 * @param listener              how listeners retry
 */
@ConfigurationProperties("gridloop.kafka")
public record KafkaSettings(Short replicationFactor, Duration healthTimeout, Duration producerCloseTimeout,
                            Listener listener) {

    public KafkaSettings {
        replicationFactor = replicationFactor == null ? 1 : replicationFactor;
        healthTimeout = healthTimeout == null ? Duration.ofSeconds(2) : healthTimeout;
        producerCloseTimeout = producerCloseTimeout == null ? Duration.ofSeconds(5) : producerCloseTimeout;
        listener = listener == null ? new Listener(null) : listener;
    }

    /**
     * @param maxRetries retries of a record that failed for a passing reason (the database briefly away) before
     *                   it goes to the dead-letter topic; records that can never succeed skip them
     */
    public record Listener(Integer maxRetries) {
        public Listener {
            maxRetries = maxRetries == null ? 3 : maxRetries;
        }
    }
}
