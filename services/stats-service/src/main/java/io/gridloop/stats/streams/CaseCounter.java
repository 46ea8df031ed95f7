package io.gridloop.stats.streams;

import io.gridloop.contracts.EventCodec;
import io.gridloop.contracts.Topics;
import io.gridloop.contracts.UndecodableEventException;
import io.gridloop.contracts.event.CaseTransitioned;
import io.gridloop.stats.counting.CaseFacts;
import io.gridloop.stats.counting.CellDelta;
import io.gridloop.stats.counting.Contribution;
import io.gridloop.stats.generations.CountFollower;
import io.gridloop.stats.generations.Generation;
import io.micrometer.core.instrument.Counter;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The task of one partition: folds each transition into its case's facts, adds {@code contribution(after) −
 * contribution(before)} to the partition's cell shares, and every sink interval writes the shares it changed to
 * MongoDB. Facts, shares and the list of shares not yet written are state stores, committed together with the
 * input offsets; so a crash replays exactly the records whose effects were not committed, and a share written
 * before the crash is written again with the same values.
 */
final class CaseCounter implements Processor<String, byte[], String, byte[]> {

    private static final Logger log = LoggerFactory.getLogger(CaseCounter.class);

    private final EventCodec codec;
    private final Generation generation;
    private final List<CountFollower> followers;
    private final CellSink sink;
    private final CountingTopology.AfterSink afterSink;
    private final Duration sinkInterval;
    private final DeadLetters deadLetters;
    private final Counter handled;

    private ProcessorContext<String, byte[]> context;
    /** Recent cases and busy cells kept decoded; a few thousand of each per partition. */
    private static final int REMEMBERED = 2_000;

    private RememberingStore<CaseFacts> facts;
    private RememberingStore<PartialCell> cells;
    private KeyValueStore<String, Long> unsunk;
    private int partition;
    private long lastOffset = -1;
    private long reportedOffset = -1;

    CaseCounter(EventCodec codec, Generation generation, List<CountFollower> followers, CellSink sink,
                CountingTopology.AfterSink afterSink, Duration sinkInterval, DeadLetters deadLetters,
                Counter handled) {
        this.codec = codec;
        this.generation = generation;
        this.followers = followers;
        this.sink = sink;
        this.afterSink = afterSink;
        this.sinkInterval = sinkInterval;
        this.deadLetters = deadLetters;
        this.handled = handled;
    }

    @Override
    public void init(ProcessorContext<String, byte[]> context) {
        this.context = context;
        this.facts = new RememberingStore<>(context.getStateStore(CountingTopology.FACTS), REMEMBERED);
        this.cells = new RememberingStore<>(context.getStateStore(CountingTopology.CELLS), REMEMBERED);
        this.unsunk = context.getStateStore(CountingTopology.UNSUNK);
        this.partition = context.taskId().partition();
        context.schedule(sinkInterval, PunctuationType.WALL_CLOCK_TIME, now -> sink());
    }

    @Override
    public void process(Record<String, byte[]> record) {
        RecordMetadata at = context.recordMetadata().orElseThrow();
        lastOffset = at.offset();
        CaseTransitioned t;
        try {
            t = codec.decode(Topics.CASE_TRANSITIONED, record.value()).data();
        } catch (UndecodableEventException e) {
            deadLetters.park(context, record, at, e);
            return;
        }
        handled.increment();
        CaseFacts before = facts.get(t.caseId());
        if (before != null && !before.isBehind(t)) {
            return;
        }
        CaseFacts after = CaseFacts.fold(before, t);
        for (CellDelta delta : Contribution.delta(before, after).values()) {
            if (delta.cell().area().isArea()) {
                followers.forEach(f -> f.counting(delta.cell().area()));
            }
            String id = PartialCell.idOf(delta.cell(), partition);
            PartialCell share = PartialCell.adding(cells.get(id), delta);
            cells.put(id, share);
            unsunk.put(id, share.version());
        }
        followers.forEach(f -> f.factsChanged(generation, before, after));
        facts.put(t.caseId(), after);
    }

    /** Writes the shares changed since the last sink; if the database is away, they wait for the next one. */
    private void sink() {
        Map<String, PartialCell> changed = new LinkedHashMap<>();
        try (KeyValueIterator<String, Long> ids = unsunk.all()) {
            while (ids.hasNext()) {
                KeyValue<String, Long> id = ids.next();
                changed.put(id.key, cells.get(id.key));
            }
        }
        if (changed.isEmpty() && lastOffset == reportedOffset) {
            return;
        }
        try {
            sink.write(generation, changed);
        } catch (RuntimeException e) {
            log.warn("Count cells of {} partition {} not written yet ({} waiting): {}", generation.cells(),
                    partition, changed.size(), e.toString());
            return;
        }
        changed.keySet().forEach(unsunk::delete);
        afterSink.sunk(partition, lastOffset, changed.values());
        reportedOffset = lastOffset;
    }
}
