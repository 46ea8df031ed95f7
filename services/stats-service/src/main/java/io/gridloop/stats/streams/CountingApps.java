package io.gridloop.stats.streams;

import io.gridloop.contracts.EventCodec;
import io.gridloop.contracts.Topics;
import io.gridloop.contracts.area.AreaLevel;
import io.gridloop.stats.areas.AreaRegistry;
import io.gridloop.stats.assessment.PatrolLog;
import io.gridloop.stats.areas.KnownAreas;
import io.gridloop.stats.generations.CountFollower;
import io.gridloop.stats.generations.DirtyDistricts;
import io.gridloop.stats.generations.Generation;
import io.gridloop.stats.generations.Generations;
import io.gridloop.stats.rebuild.RebuildStarter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import io.gridloop.platform.kafka.KafkaSettings;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.util.FileSystemUtils;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Runs the counting topology for the generation readers read and, while a rebuild runs, for the generation it
 * fills — each as its own Kafka Streams application, so each has its own offsets and stores, and instances share
 * each one's partitions out among themselves as a consumer group does. Every second it brings what runs here in
 * line with {@link Generations}: starts what should run, stops what should not any more, and switches readers to a
 * rebuild's generation once that has written every record of the topic.
 * <p>
 * A fresh installation's counts are kept by the application named as the service's consumer group; counts from
 * before (kept by the batch ledger of earlier versions) are recounted once into the next generation, and read as they are meanwhile.
 */
@Component
class CountingApps implements SmartLifecycle, RebuildStarter {

    private static final Logger log = LoggerFactory.getLogger(CountingApps.class);
    /** How long a rebuild's reporting instance may stay silent before another one reports and finishes it. */
    static final Duration LEASE = Duration.ofSeconds(30);

    private final Generations generations;
    private final KafkaProperties kafka;
    private final CountingSettings settings;
    private final EventCodec codec;
    private final List<CountFollower> followers;
    private final CellSink sink;
    private final DirtyDistricts dirty;
    private final KnownAreas areas;
    private final AreaRegistry registry;
    private final PatrolLog patrols;
    private final MongoTemplate mongo;
    private final MeterRegistry meters;
    private final String firstApp;
    private final int replicationFactor;
    private final Path stateDir;
    /** Whether {@link #stateDir} is this start's own, to be deleted at the end. */
    private final boolean temporaryStateDir;
    private final String owner = "stats-" + UUID.randomUUID();
    private final Map<String, Running> running = new LinkedHashMap<>();
    /** Applications stopped here whose traces in Kafka are still to be removed. */
    private final Set<String> retiring = new HashSet<>();
    private volatile boolean started;
    private Admin admin;

    private record Running(String app, Generation generation, KafkaStreams streams, KafkaStreamsMetrics metrics) {
    }

    CountingApps(Generations generations, KafkaProperties kafka, CountingSettings settings, EventCodec codec,
                 List<CountFollower> followers, CellSink sink, DirtyDistricts dirty, KnownAreas areas,
                 AreaRegistry registry, PatrolLog patrols, MongoTemplate mongo, MeterRegistry meters,
                 @Value("${spring.kafka.consumer.group-id:${spring.application.name}}") String firstApp,
                 KafkaSettings kafkaSettings) {
        this.generations = generations;
        this.kafka = kafka;
        this.settings = settings;
        this.codec = codec;
        this.followers = followers;
        this.sink = sink;
        this.dirty = dirty;
        this.areas = areas;
        this.registry = registry;
        this.patrols = patrols;
        this.mongo = mongo;
        this.meters = meters;
        this.firstApp = firstApp;
        this.replicationFactor = kafkaSettings.replicationFactor();
        this.temporaryStateDir = settings.stateDir() == null;
        try {
            this.stateDir = temporaryStateDir ? Files.createTempDirectory("gridloop-stats-")
                    : Files.createDirectories(settings.stateDir());
        } catch (IOException e) {
            throw new UncheckedIOException("no directory for the counting stores", e);
        }
    }

    @Override
    public Generations.Rebuild start(String by) {
        Generations.Rebuild rebuild = generations.start(by, owner);
        if (rebuild != null) {
            log.info("Statistics rebuild {} into generation {} started by {}", rebuild.id(),
                    rebuild.target().number(), by);
            reconcile();
        }
        return rebuild;
    }

    @Override
    public synchronized void start() {
        admin = Admin.create(kafka.buildAdminProperties());
        started = true;
        reconcile();
    }

    @Override
    public synchronized void stop() {
        started = false;
        // Staying in the group: a restart takes its partitions back without a rebalance in between.
        running.values().forEach(r -> close(r, CloseOptions.GroupMembershipOperation.REMAIN_IN_GROUP));
        running.clear();
        if (admin != null) {
            admin.close(Duration.ofSeconds(5));
        }
        if (temporaryStateDir) {
            FileSystemUtils.deleteRecursively(stateDir.toFile());
        }
    }

    @Override
    public boolean isRunning() {
        return started;
    }

    /** The state of each application running here, by application id. */
    synchronized Map<String, KafkaStreams.State> states() {
        Map<String, KafkaStreams.State> states = new LinkedHashMap<>();
        running.forEach((app, r) -> states.put(app, r.streams().state()));
        return states;
    }

    /** Brings the applications running here in line with what the generations say. */
    @Scheduled(fixedDelay = 1_000, initialDelay = 1_000)
    synchronized void reconcile() {
        if (!started) {
            return;
        }
        Generations.State state = generations.current();
        if (state.readingApp() == null && state.building() == null) {
            if (mongo.getCollection(state.reading().cells()).find().limit(1).first() == null) {
                generations.adopt(firstApp);
            } else {
                start("系统升级：统计改由流式计数");
            }
            state = generations.current();
        }
        Map<String, Generation> wanted = new HashMap<>();
        if (state.readingApp() != null) {
            wanted.put(state.readingApp(), state.reading());
        }
        Generations.Rebuild rebuild = state.building() != null ? state.rebuild() : null;
        if (rebuild != null) {
            wanted.put(appOf(rebuild), rebuild.target());
        }
        running.values().removeIf(r -> {
            boolean stale = !r.generation().equals(wanted.get(r.app()));
            if (stale) {
                close(r, CloseOptions.GroupMembershipOperation.LEAVE_GROUP);
                r.streams().cleanUp();
                retiring.add(r.app());
            }
            return stale;
        });
        wanted.forEach((app, generation) -> running.computeIfAbsent(app, a -> launch(a, generation,
                rebuild != null && a.equals(appOf(rebuild)) ? rebuild.id() : null)));
        if (rebuild != null) {
            report(rebuild);
        }
        retiring.removeIf(this::retire);
    }

    private static String appOf(Generations.Rebuild rebuild) {
        return "stats-counting-" + rebuild.id();
    }

    private Running launch(String app, Generation generation, String rebuildId) {
        KafkaStreams streams = new KafkaStreams(CountingTopology.build(codec, generation, followers, sink,
                afterSink(app, generation, rebuildId), settings.sinkInterval(), registry, patrols, meters),
                new StreamsConfig(config(app)));
        streams.setUncaughtExceptionHandler(e -> {
            log.error("Counting thread of {} failed; replacing it (its tasks resume from their last commit)", app, e);
            return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
        });
        KafkaStreamsMetrics metrics = new KafkaStreamsMetrics(streams);
        metrics.bindTo(meters);
        streams.start();
        log.info("Counting into generation {} as {}", generation.number(), app);
        return new Running(app, generation, streams, metrics);
    }

    /**
     * After a task wrote its shares: the application has written that far; while its generation is read, the
     * districts whose figures moved are published again; while a rebuild fills it, the rebuild has got that far.
     */
    private CountingTopology.AfterSink afterSink(String app, Generation generation, String rebuildId) {
        return (partition, lastOffset, written) -> {
            if (lastOffset >= 0) {
                generations.written(app, partition, lastOffset);
            }
            if (generation.equals(generations.reading())) {
                markDistricts(written);
            } else if (rebuildId != null && lastOffset >= 0) {
                generations.advance(rebuildId, partition, lastOffset);
            }
        };
    }

    private void markDistricts(Collection<PartialCell> written) {
        for (PartialCell cell : written) {
            // A district's own cells change with every case in it; a city's code stands for its 市辖区 cases.
            if (cell.area().level() == AreaLevel.DISTRICT || cell.area().level() == AreaLevel.CITY) {
                dirty.mark(cell.area().code());
            }
        }
    }

    /**
     * The reporting instance of a rebuild records how far the topic reaches, and switches readers over once the
     * rebuild has written every partition's last record.
     */
    private void report(Generations.Rebuild rebuild) {
        if (!generations.claim(rebuild.id(), owner, LEASE)) {
            return;
        }
        Map<Integer, Long> begins = offsets(OffsetSpec.earliest());
        Map<Integer, Long> ends = offsets(OffsetSpec.latest());
        if (begins == null || ends == null
                || !generations.heartbeat(rebuild.id(), owner, begins, ends)) {
            return;
        }
        boolean caughtUp = ends.entrySet().stream().allMatch(e -> rebuild.appliedIn(e.getKey()) + 1 >= e.getValue());
        if (caughtUp && generations.finish(rebuild.id(), owner, rebuild.target(), appOf(rebuild))) {
            log.info("Statistics rebuild {} caught up: readers now use generation {}", rebuild.id(),
                    rebuild.target().number());
            // Dashboards hold the old figures until each district is published again.
            areas.at(AreaLevel.DISTRICT, null).forEach(d -> dirty.mark(d.code()));
        }
    }

    /** Partition → offset of the transitions topic; null if the broker did not answer. */
    private Map<Integer, Long> offsets(OffsetSpec spec) {
        Map<TopicPartition, OffsetSpec> request = IntStream.range(0, Topics.CASE_TRANSITIONED.partitions())
                .boxed().collect(Collectors.toMap(p -> new TopicPartition(Topics.Names.CASE_TRANSITIONED, p),
                        p -> spec));
        try {
            Map<Integer, Long> out = new HashMap<>();
            admin.listOffsets(request).all().get().forEach((tp, info) -> out.put(tp.partition(), info.offset()));
            return out;
        } catch (ExecutionException e) {
            log.warn("Offsets of {} not known now: {}", Topics.Names.CASE_TRANSITIONED, e.getCause().toString());
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private Map<String, Object> config(String app) {
        Map<String, Object> config = new HashMap<>(kafka.buildStreamsProperties());
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, app);
        config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        config.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, settings.commitInterval().toMillis());
        config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        config.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, settings.threads());
        config.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, replicationFactor);
        config.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 16L * 1024 * 1024);
        config.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, BoundedRocksDb.class);
        // A new application (a rebuild) counts the topic from its start.
        config.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
        config.put(StreamsConfig.producerPrefix(ProducerConfig.COMPRESSION_TYPE_CONFIG), "lz4");
        return config;
    }

    /**
     * Removes a stopped application's offsets and internal topics (its stores' changelogs) once no instance runs
     * it any more: whichever instance finds its group empty first.
     *
     * @return whether there is nothing more to do (removed, or removed by another instance)
     */
    private boolean retire(String app) {
        try {
            Collection<String> groups = admin.listConsumerGroups().all().get().stream()
                    .map(g -> g.groupId()).toList();
            if (!groups.contains(app)) {
                return true;
            }
            if (!admin.describeConsumerGroups(List.of(app)).all().get().get(app).members().isEmpty()) {
                return false;
            }
            Set<String> internal = admin.listTopics().names().get().stream()
                    .filter(topic -> topic.startsWith(app + "-")).collect(Collectors.toSet());
            admin.deleteTopics(internal).all().get();
            admin.deleteConsumerGroups(List.of(app)).all().get();
            log.info("Removed the offsets and {} internal topics of {}", internal.size(), app);
            return true;
        } catch (ExecutionException e) {
            log.warn("Could not remove what {} left in Kafka yet: {}", app, e.getCause().toString());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void close(Running r, CloseOptions.GroupMembershipOperation membership) {
        r.metrics().close();
        r.streams().close(CloseOptions.groupMembershipOperation(membership).withTimeout(Duration.ofSeconds(10)));
        log.info("Stopped counting into generation {} as {}", r.generation().number(), r.app());
    }
}
