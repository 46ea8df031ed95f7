package io.gridloop.intake.report;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * @param publishTimeout how long Kafka may take to acknowledge a report, a patrol or a reporter's action before
 *                       the caller gets a 503 (and may send it again: intake takes it once)
 */
@ConfigurationProperties("gridloop.intake")
public record IntakeSettings(Duration publishTimeout) {

    public IntakeSettings {
        publishTimeout = publishTimeout == null ? Duration.ofSeconds(10) : publishTimeout;
    }
}
