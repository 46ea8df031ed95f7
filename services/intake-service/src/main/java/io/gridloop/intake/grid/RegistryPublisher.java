package io.gridloop.intake.grid;

import io.gridloop.contracts.EventEnvelope;
import io.gridloop.contracts.ServiceNames;
import io.gridloop.contracts.Topics;
import io.gridloop.contracts.event.AreaRegistered;
import io.gridloop.platform.kafka.EventPublisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Tells other services every area of the registry ({@code grid.area.registered.v1}, compacted by area code):
 * all of it once the service is up, and what an import changed. A publication the broker did not take is tried
 * again a minute later, so statistics learn every area even if Kafka was away at start-up.
 */
@Component
class RegistryPublisher {

    private static final Logger log = LoggerFactory.getLogger(RegistryPublisher.class);

    private final GridRegistry registry;
    private final EventPublisher publisher;
    private final Clock clock;
    private final AtomicBoolean owed = new AtomicBoolean();

    RegistryPublisher(GridRegistry registry, EventPublisher publisher, Clock clock) {
        this.registry = registry;
        this.publisher = publisher;
        this.clock = clock;
        registry.onImport(this::publish);
    }

    @EventListener(ApplicationReadyEvent.class)
    void publishAll() {
        // Off the start-up thread: 6,000 areas take a moment, and the service is usable meanwhile. A thread of its
        // own, never the common pool: in the packaged jar the pool's threads do not see the application's class
        // loader, and Kafka's client loads classes by name on its first use (ProducerConfig fails for good).
        Thread.ofPlatform().name("registry-publisher").daemon().start(() -> publish(registry.all()));
    }

    @Scheduled(fixedDelayString = "${gridloop.intake.registry.republish-retry:60s}",
            initialDelayString = "${gridloop.intake.registry.republish-retry:60s}")
    void retryIfOwed() {
        if (owed.getAndSet(false)) {
            publish(registry.all());
        }
    }

    void publish(Collection<GridArea> areas) {
        List<CompletableFuture<?>> sent = new ArrayList<>(areas.size());
        for (GridArea a : areas) {
            AreaRegistered area = new AreaRegistered(a.code(), a.name(), a.level(), a.parentCode(), a.active(),
                    a.updatedAt());
            String id = a.code() + "@" + (a.updatedAt() == null ? 0 : a.updatedAt().toEpochMilli());
            sent.add(publisher.publish(Topics.AREA_REGISTERED, EventEnvelope.of(Topics.AREA_REGISTERED, id,
                    ServiceNames.INTAKE, clock.instant(), a.code(), area)));
        }
        try {
            CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
            log.info("Published {} registry areas to {}", areas.size(), Topics.AREA_REGISTERED.name());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            owed.set(true);
        } catch (Exception e) {
            log.warn("Registry areas not all published, trying again later: {}", e.toString());
            owed.set(true);
        }
    }
}
