package io.gridloop.stats.streams;

import io.gridloop.contracts.EventCodec;
import io.gridloop.contracts.Topics;
import io.gridloop.contracts.UndecodableEventException;
import io.gridloop.contracts.event.AreaRegistered;
import io.gridloop.stats.areas.AreaRegistry;
import io.micrometer.core.instrument.Counter;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/** Hands each area of intake's registry to {@link AreaRegistry}; an unreadable record is dead-lettered. */
final class AreaRecorder implements Processor<String, byte[], String, byte[]> {

    private final EventCodec codec;
    private final AreaRegistry registry;
    private final DeadLetters deadLetters;
    private final Counter handled;
    private ProcessorContext<String, byte[]> context;

    AreaRecorder(EventCodec codec, AreaRegistry registry, DeadLetters deadLetters, Counter handled) {
        this.codec = codec;
        this.registry = registry;
        this.deadLetters = deadLetters;
        this.handled = handled;
    }

    @Override
    public void init(ProcessorContext<String, byte[]> context) {
        this.context = context;
    }

    @Override
    public void process(Record<String, byte[]> record) {
        RecordMetadata at = context.recordMetadata().orElseThrow();
        AreaRegistered area;
        try {
            area = codec.decode(Topics.AREA_REGISTERED, record.value()).data();
        } catch (UndecodableEventException e) {
            deadLetters.park(context, record, at, e);
            return;
        }
        registry.registered(area);
        handled.increment();
    }
}
