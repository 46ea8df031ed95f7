package io.gridloop.stats.streams;

import org.apache.kafka.streams.KafkaStreams;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * {@code counting} in {@code /actuator/health} and in the liveness probe: down when a counting application has
 * failed for good (all its threads dead, {@code ERROR}) — only a restart mends that, and without it the figures
 * would silently stop moving. Rebalancing and starting count as up: the figures already written stay readable.
 */
@Component("counting")
class CountingHealth extends AbstractHealthIndicator {

    private final CountingApps apps;

    CountingHealth(CountingApps apps) {
        super("counting health check failed");
        this.apps = apps;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Map<String, KafkaStreams.State> states = apps.states();
        boolean failed = states.values().stream()
                .anyMatch(s -> s == KafkaStreams.State.ERROR || s == KafkaStreams.State.PENDING_ERROR);
        (failed ? builder.down() : builder.up()).withDetails(Map.copyOf(states));
    }
}
