package io.gridloop.dispatch.casestore;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * How the case store relays its outbox to Kafka ({@code gridloop.dispatch.casestore.*}).
 *
 * @param sendTimeout           how long Kafka may take to acknowledge a relayed event before the relay gives up
 *                              until the next sweep
 * @param sweepInterval         how often one instance relays what the write path could not (the broker away, a
 *                              crash)
 * @param sweepInitialDelay     the first sweep after start
 * @param sweepGrace            how old an outbox entry must be before the sweep takes it from the write that is
 *                              still relaying it
 * @param markerRemovalInterval how often the markers of relayed entries are removed, a batch at a time
 */
@ConfigurationProperties("gridloop.dispatch.casestore")
public record CaseStoreSettings(Duration sendTimeout, Duration sweepInterval, Duration sweepInitialDelay,
                                Duration sweepGrace, Duration markerRemovalInterval) {

    public CaseStoreSettings {
        sendTimeout = sendTimeout == null ? Duration.ofSeconds(10) : sendTimeout;
        sweepInterval = sweepInterval == null ? Duration.ofSeconds(5) : sweepInterval;
        sweepInitialDelay = sweepInitialDelay == null ? Duration.ofSeconds(2) : sweepInitialDelay;
        sweepGrace = sweepGrace == null ? Duration.ofSeconds(5) : sweepGrace;
        markerRemovalInterval = markerRemovalInterval == null ? Duration.ofMillis(250) : markerRemovalInterval;
    }
}
