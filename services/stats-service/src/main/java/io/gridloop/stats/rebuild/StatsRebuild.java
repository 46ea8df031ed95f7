package io.gridloop.stats.rebuild;

import io.gridloop.contracts.EventCodec;
import io.gridloop.contracts.Topics;
import io.gridloop.contracts.UndecodableEventException;
import io.gridloop.contracts.area.AreaLevel;
import io.gridloop.stats.ledger.CountLedger;
import io.gridloop.stats.ledger.Generation;
import io.gridloop.stats.ledger.Generations;
import io.gridloop.stats.areas.KnownAreas;
import io.gridloop.stats.ledger.Positioned;
import io.gridloop.stats.ledger.DirtyDistricts;
import jakarta.annotation.PreDestroy;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Counts the case transitions topic again from its start into a fresh {@link Generation} while the live counts
 * go on being read and written, and switches readers over once the new counts have reached the topic's end
 * (统计重算). Counts that went wrong — a defect since fixed, a database restored from an old backup — are thereby
 * replaced by a recount of what the cases actually did.
 * <p>
 * One instance runs a rebuild at a time: it owns it in {@link Generations} and says so every few seconds; if it
 * stops saying so, another instance takes over from the offsets the new generation holds. The rebuild reads with
 * its own consumer, assigned every partition and in no consumer group, so the live listener's offsets are never
 * touched; the ledger's guards make a record read by both count once.
 */
@Service
public class StatsRebuild {

    private static final Logger log = LoggerFactory.getLogger(StatsRebuild.class);
    /** How long an owner may stay silent before another instance takes the rebuild over. */
    static final Duration LEASE = Duration.ofSeconds(30);
    private static final Duration HEARTBEAT = Duration.ofSeconds(2);
    private static final Duration BACKOFF = Duration.ofSeconds(10);

    private final Generations generations;
    private final CountLedger ledger;
    private final EventCodec codec;
    private final ConsumerFactory<?, ?> consumers;
    private final KnownAreas areas;
    private final DirtyDistricts dirty;
    private final Clock clock;
    private final String owner = "stats-" + UUID.randomUUID();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "stats-rebuild");
        t.setDaemon(true);
        return t;
    });
    private volatile Future<?> running;
    private volatile boolean stopping;
    private volatile Instant failedAt = Instant.EPOCH;

    StatsRebuild(Generations generations, CountLedger ledger, EventCodec codec, ConsumerFactory<?, ?> consumers,
                 KnownAreas areas, DirtyDistricts dirty, Clock clock) {
        this.generations = generations;
        this.ledger = ledger;
        this.codec = codec;
        this.consumers = consumers;
        this.areas = areas;
        this.dirty = dirty;
        this.clock = clock;
    }

    /** Starts a rebuild; null if one is running already. */
    public Generations.Rebuild start(String by) {
        Generations.Rebuild started = generations.start(by, owner);
        if (started != null) {
            log.info("Statistics rebuild {} into generation {} started by {}", started.id(),
                    started.target().number(), by);
            takeUp();
        }
        return started;
    }

    /** Runs the rebuild in progress here if nobody else does (or its owner went silent). */
    @Scheduled(fixedDelay = 1_000, initialDelay = 1_000)
    void takeUp() {
        if (stopping || (running != null && !running.isDone())
                || failedAt.plus(BACKOFF).isAfter(clock.instant())) {
            return;
        }
        Generations.Rebuild rebuild = generations.current().rebuild();
        if (rebuild == null || !rebuild.running() || !generations.claim(rebuild.id(), owner, LEASE)) {
            return;
        }
        running = worker.submit(() -> {
            try {
                run(rebuild);
            } catch (RuntimeException e) {
                failedAt = clock.instant();
                log.error("Statistics rebuild {} stopped; trying again in {} s", rebuild.id(), BACKOFF.toSeconds(), e);
            }
        });
    }

    private void run(Generations.Rebuild rebuild) {
        Generation target = rebuild.target();
        // The service's own connection settings (brokers, credentials), but no consumer group: the rebuild is
        // assigned its partitions and commits nothing, so it needs no group and no group rights.
        Map<String, Object> config = new HashMap<>(consumers.getConfigurationProperties());
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, config.getOrDefault(ConsumerConfig.CLIENT_ID_CONFIG, "stats")
                + "-rebuild");
        try (Consumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.Names.CASE_TRANSITIONED).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            Map<TopicPartition, Long> begins = consumer.beginningOffsets(partitions);
            for (TopicPartition tp : partitions) {
                // Where the new generation stands: from the start, or after what it holds when taken over.
                consumer.seek(tp, Math.max(begins.get(tp), rebuild.appliedIn(tp.partition()) + 1));
            }
            Instant beat = Instant.EPOCH;
            while (!stopping) {
                ConsumerRecords<?, ?> records = consumer.poll(Duration.ofMillis(500));
                for (TopicPartition tp : records.partitions()) {
                    apply(rebuild, target, tp.partition(), records.records(tp));
                }
                Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
                if (partitions.stream().allMatch(tp -> consumer.position(tp) >= ends.get(tp))) {
                    finish(rebuild, target);
                    return;
                }
                if (beat.plus(HEARTBEAT).isBefore(clock.instant())) {
                    beat = clock.instant();
                    if (!generations.heartbeat(rebuild.id(), owner, byPartition(begins), byPartition(ends))) {
                        log.warn("Statistics rebuild {} is no longer ours (cancelled or taken over)", rebuild.id());
                        return;
                    }
                }
            }
        }
    }

    private void apply(Generations.Rebuild rebuild, Generation target, int partition,
                       List<? extends ConsumerRecord<?, ?>> records) {
        List<Positioned> positioned = new ArrayList<>(records.size());
        for (ConsumerRecord<?, ?> r : records) {
            try {
                positioned.add(new Positioned(r.offset(),
                        codec.decode(Topics.CASE_TRANSITIONED, (byte[]) r.value()).data()));
            } catch (UndecodableEventException poison) {
                // The live listener dead-lettered it when it first came; counting it was never possible.
                log.warn("Statistics rebuild {} skips undecodable record {}-{}@{}", rebuild.id(), r.topic(),
                        partition, r.offset());
            }
        }
        ledger.apply(target, CountLedger.TRANSITIONS, partition, positioned, facts -> { });
        generations.advance(rebuild.id(), partition, records.getLast().offset());
    }

    private void finish(Generations.Rebuild rebuild, Generation target) {
        if (!generations.finish(rebuild.id(), owner, target)) {
            log.warn("Statistics rebuild {} caught up but is no longer ours", rebuild.id());
            return;
        }
        log.info("Statistics rebuild {} caught up: readers now use generation {}", rebuild.id(), target.number());
        // Dashboards hold the old figures until each district is published again.
        areas.at(AreaLevel.DISTRICT, null).forEach(d -> dirty.mark(d.code()));
    }

    private static Map<Integer, Long> byPartition(Map<TopicPartition, Long> offsets) {
        Map<Integer, Long> out = new HashMap<>();
        offsets.forEach((tp, o) -> out.put(tp.partition(), o));
        return out;
    }

    @PreDestroy
    void stop() throws InterruptedException {
        stopping = true;
        worker.shutdown();
        worker.awaitTermination(10, TimeUnit.SECONDS);
    }
}
