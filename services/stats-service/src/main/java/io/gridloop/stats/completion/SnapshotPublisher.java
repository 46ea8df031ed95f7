package io.gridloop.stats.completion;

import io.gridloop.contracts.EventEnvelope;
import io.gridloop.contracts.ServiceNames;
import io.gridloop.contracts.Topics;
import io.gridloop.contracts.event.DistrictCompletionSnapshot;
import io.gridloop.platform.kafka.EventPublisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * Publishes the current figures of every district whose counts changed to the compacted
 * {@code grid.stats.district.v1}, at most every half second per district. At start-up it republishes all
 * districts, so changes counted just before a crash still reach the dashboard.
 */
@Component
class SnapshotPublisher {

    private static final Logger log = LoggerFactory.getLogger(SnapshotPublisher.class);
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(10);

    private final CompletionCounting counting;
    private final DirtyDistricts dirty;
    private final EventPublisher publisher;
    private final Clock clock;

    SnapshotPublisher(CompletionCounting counting, DirtyDistricts dirty, EventPublisher publisher, Clock clock) {
        this.counting = counting;
        this.dirty = dirty;
        this.publisher = publisher;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void republishAll() {
        counting.byDistrict().forEach(d -> dirty.mark(d.districtCode()));
    }

    @Scheduled(fixedDelayString = "${gridloop.stats.snapshot-interval:500ms}")
    void publishChanged() {
        Set<String> changed = dirty.drain();
        if (changed.isEmpty()) {
            return;
        }
        // One read of all counters for the lot, rather than one query per changed district.
        counting.byDistrict().stream().filter(d -> changed.contains(d.districtCode())).forEach(this::publish);
    }

    private void publish(DistrictCompletion d) {
        Instant now = clock.instant();
        DistrictCompletionSnapshot snapshot = new DistrictCompletionSnapshot(d.districtCode(), d.districtName(),
                d.reported(), d.closed(), d.completionRate(), now);
        try {
            publisher.publishAndWait(Topics.DISTRICT_STATS,
                    EventEnvelope.of(Topics.DISTRICT_STATS, ServiceNames.STATS, now, d.districtCode(), snapshot),
                    SEND_TIMEOUT);
        } catch (EventPublisher.PublishFailedException e) {
            log.warn("Snapshot of district {} not published, will retry: {}", d.districtCode(), e.getMessage());
            dirty.mark(d.districtCode());
        }
    }
}
