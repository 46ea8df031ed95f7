package io.gridloop.intake.grid;

import io.gridloop.contracts.EventEnvelope;
import io.gridloop.contracts.ServiceNames;
import io.gridloop.contracts.Topics;
import io.gridloop.contracts.event.AreaRegistered;
import io.gridloop.platform.kafka.EventPublisher;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Tells other services every area of the registry ({@code grid.area.registered.v1}, compacted by area code):
 * all of it once the service is up, and what an import changed. A publication the broker did not take is tried
 * again a minute later, so statistics learn every area even if Kafka was away at start-up.
 *
 * <p>At start-up the whole registry goes out only if it is not on the topic already: the fingerprint of what was
 * last published in full is kept ({@code registry_publications}), and a start with the same registry and a topic
 * holding at least as many records as there are areas sends nothing — otherwise every restart sent 6,000 areas that
 * dispatch and statistics then stored again.
 */
@Component
class RegistryPublisher implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(RegistryPublisher.class);

    static final String COLLECTION = "registry_publications";

    /** The registry as last published in full: the fingerprint of its areas' events, and how many there were. */
    record Publication(@Id String topic, String fingerprint, int areas, Instant publishedAt) {
    }

    private final GridRegistry registry;
    private final EventPublisher publisher;
    private final MongoTemplate mongo;
    private final KafkaAdmin kafka;
    private final Clock clock;
    private final Duration retry;
    private final AtomicBoolean owed = new AtomicBoolean();

    RegistryPublisher(GridRegistry registry, EventPublisher publisher, MongoTemplate mongo, KafkaAdmin kafka,
                      Clock clock, RegistrySettings settings) {
        this.retry = settings.republishRetry();
        this.registry = registry;
        this.publisher = publisher;
        this.mongo = mongo;
        this.kafka = kafka;
        this.clock = clock;
        registry.onImport(this::publish);
    }

    @EventListener(ApplicationReadyEvent.class)
    void publishAllAtStart() {
        // Off the start-up thread: 6,000 areas take a moment, and the service is usable meanwhile. A thread of its
        // own, never the common pool: in the packaged jar the pool's threads do not see the application's class
        // loader, and Kafka's client loads classes by name on its first use (ProducerConfig fails for good).
        Thread.ofPlatform().name("registry-publisher").daemon().start(this::publishAllUnlessPublished);
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar tasks) {
        tasks.addFixedDelayTask(new FixedDelayTask(this::retryIfOwed, retry, retry));
    }

    void retryIfOwed() {
        if (owed.getAndSet(false)) {
            publishAll();
        }
    }

    /** Publishes the whole registry unless exactly this registry was published in full and the topic still has it. */
    void publishAllUnlessPublished() {
        List<AreaRegistered> all = events(registry.all());
        String fingerprint = fingerprint(all);
        Publication last = mongo.findById(Topics.AREA_REGISTERED.name(), Publication.class, COLLECTION);
        if (last != null && last.fingerprint().equals(fingerprint) && topicHolds(all.size())) {
            log.info("Registry of {} areas published before, unchanged: not sent again", all.size());
            return;
        }
        publishAll(all, fingerprint);
    }

    private void publishAll() {
        List<AreaRegistered> all = events(registry.all());
        publishAll(all, fingerprint(all));
    }

    private void publishAll(List<AreaRegistered> all, String fingerprint) {
        if (send(all)) {
            mongo.save(new Publication(Topics.AREA_REGISTERED.name(), fingerprint, all.size(), clock.instant()),
                    COLLECTION);
        }
    }

    /** What an import changed. */
    private void publish(Collection<GridArea> areas) {
        send(events(areas));
    }

    /** @return whether the broker took every area */
    private boolean send(List<AreaRegistered> areas) {
        List<CompletableFuture<?>> sent = new ArrayList<>(areas.size());
        for (AreaRegistered area : areas) {
            String id = area.code() + "@" + (area.updatedAt() == null ? 0 : area.updatedAt().toEpochMilli());
            sent.add(publisher.publish(Topics.AREA_REGISTERED, EventEnvelope.of(Topics.AREA_REGISTERED, id,
                    ServiceNames.INTAKE, clock.instant(), area.code(), area)));
        }
        try {
            CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
            log.info("Published {} registry areas to {}", areas.size(), Topics.AREA_REGISTERED.name());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            owed.set(true);
        } catch (Exception e) {
            log.warn("Registry areas not all published, trying again later: {}", e.toString());
            owed.set(true);
        }
        return false;
    }

    private static List<AreaRegistered> events(Collection<GridArea> areas) {
        return areas.stream().map(a -> new AreaRegistered(a.code(), a.name(), a.level(), a.parentCode(), a.active(),
                a.updatedAt())).toList();
    }

    /** Changes with any field of any area's event, not with the order the registry lists them in. */
    static String fingerprint(Collection<AreaRegistered> events) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            events.stream().sorted(Comparator.comparing(AreaRegistered::code))
                    .forEach(e -> sha.update((e + "\n").getBytes(StandardCharsets.UTF_8)));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /**
     * Whether the topic has at least {@code areas} records in all: a compacted topic keeps at least one per key, so
     * fewer means it was emptied or recreated since (a broker restored without its data). Unknown counts as no.
     */
    private boolean topicHolds(int areas) {
        String topic = Topics.AREA_REGISTERED.name();
        try (Admin admin = Admin.create(kafka.getConfigurationProperties())) {
            int partitions = admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS)
                    .get(topic).partitions().size();
            Map<TopicPartition, OffsetSpec> latest = new java.util.HashMap<>();
            for (int p = 0; p < partitions; p++) {
                latest.put(new TopicPartition(topic, p), OffsetSpec.latest());
            }
            long records = admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS).values().stream()
                    .collect(Collectors.summingLong(o -> o.offset()));
            return records >= areas;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (Exception e) {
            log.info("Cannot tell what {} holds ({}): publishing the registry", topic, e.toString());
            return false;
        }
    }
}
