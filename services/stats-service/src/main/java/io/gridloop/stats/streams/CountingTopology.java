package io.gridloop.stats.streams;

import io.gridloop.contracts.EventCodec;
import io.gridloop.contracts.Topic;
import io.gridloop.contracts.Topics;
import io.gridloop.platform.kafka.RecordMeters;
import io.gridloop.stats.areas.AreaRegistry;
import io.gridloop.stats.assessment.PatrolLog;
import io.gridloop.stats.counting.CaseFacts;
import io.gridloop.stats.generations.CountFollower;
import io.gridloop.stats.generations.Generation;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The counting topology: the transitions topic → {@link CaseCounter} (with its three stores) → MongoDB; beside
 * it the registry's areas and the grid workers' patrols, each kept as it comes; unreadable records → their topic's
 * dead-letter topic.
 */
final class CountingTopology {

    static final String FACTS = "case-facts";
    static final String CELLS = "cell-shares";
    static final String UNSUNK = "cells-not-written";
    private static final String TRANSITIONS = "transitions";
    private static final String COUNTER = "count";
    private static final String TRANSITIONS_DLT = "transitions-dead-letters";
    private static final String AREAS = "areas";
    private static final String AREA_RECORDER = "learn-areas";
    private static final String AREAS_DLT = "areas-dead-letters";
    private static final String PATROLS = "patrols";
    private static final String PATROL_RECORDER = "learn-patrols";
    private static final String PATROLS_DLT = "patrols-dead-letters";
    /**
     * Changelogs roll at 32 MB so the broker's cleaner can compact them while they grow (it never compacts the
     * segment being written), instead of keeping every version of every share until a 1 GB segment fills.
     */
    private static final Map<String, String> CHANGELOG = Map.of(TopicConfig.SEGMENT_BYTES_CONFIG,
            String.valueOf(32 * 1024 * 1024));

    /** Told after a task wrote its changed shares: the last offset it had read then, and what it wrote. */
    interface AfterSink {
        void sunk(int partition, long lastOffset, Collection<PartialCell> written);
    }

    private CountingTopology() {
    }

    /**
     * The transitions counted into {@code generation}; beside them, the registry's areas learnt (idempotent, so
     * a rebuild's application learning them again does no harm, and goes on learning once it is the one read).
     */
    static Topology build(EventCodec codec, Generation generation, List<CountFollower> followers, CellSink sink,
                          AfterSink afterSink, Duration sinkInterval, AreaRegistry registry, PatrolLog patrols,
                          MeterRegistry meters) {
        Topology topology = new Topology();
        topology.addSource(TRANSITIONS, Serdes.String().deserializer(), Serdes.ByteArray().deserializer(),
                Topics.Names.CASE_TRANSITIONED);
        DeadLetters transitionDeadLetters = new DeadLetters(TRANSITIONS_DLT, Topics.Names.CASE_TRANSITIONED, meters);
        Counter transitionsHandled = RecordMeters.handled(meters, Topics.Names.CASE_TRANSITIONED);
        topology.addProcessor(COUNTER, () -> new CaseCounter(codec, generation, followers, sink, afterSink,
                sinkInterval, transitionDeadLetters, transitionsHandled), TRANSITIONS);
        topology.addStateStore(store(FACTS, new JsonSerde<>(CaseFacts.class)), COUNTER);
        topology.addStateStore(store(CELLS, new JsonSerde<>(PartialCell.class)), COUNTER);
        topology.addStateStore(store(UNSUNK, Serdes.Long()), COUNTER);
        topology.addSink(TRANSITIONS_DLT, Topics.CASE_TRANSITIONED.deadLetterTopic(), Serdes.String().serializer(),
                Serdes.ByteArray().serializer(), COUNTER);

        record(topology, codec, Topics.AREA_REGISTERED, registry::registered, AREAS, AREA_RECORDER, AREAS_DLT,
                meters);
        record(topology, codec, Topics.PATROL_RECORDED, patrols::recorded, PATROLS, PATROL_RECORDER, PATROLS_DLT,
                meters);
        return topology;
    }

    /** A topic whose records a read model keeps as they come, its unreadable ones dead-lettered. */
    private static <T> void record(Topology topology, EventCodec codec, Topic<T> topic, Consumer<T> keeper,
                                   String source, String processor, String deadLetterSink, MeterRegistry meters) {
        topology.addSource(source, Serdes.String().deserializer(), Serdes.ByteArray().deserializer(), topic.name());
        DeadLetters deadLetters = new DeadLetters(deadLetterSink, topic.name(), meters);
        Counter handled = RecordMeters.handled(meters, topic.name());
        topology.addProcessor(processor, () -> new Recorder<>(codec, topic, keeper, deadLetters, handled), source);
        topology.addSink(deadLetterSink, topic.deadLetterTopic(), Serdes.String().serializer(),
                Serdes.ByteArray().serializer(), processor);
    }

    private static <V> StoreBuilder<KeyValueStore<String, V>> store(String name, Serde<V> values) {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), Serdes.String(), values)
                .withCachingEnabled()
                .withLoggingEnabled(CHANGELOG);
    }
}
