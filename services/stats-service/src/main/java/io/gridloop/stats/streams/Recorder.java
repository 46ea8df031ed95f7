package io.gridloop.stats.streams;

import io.gridloop.contracts.EventCodec;
import io.gridloop.contracts.Topic;
import io.gridloop.contracts.UndecodableEventException;
import io.micrometer.core.instrument.Counter;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;

import java.util.function.Consumer;

/**
 * Hands each record of a topic to the read model that keeps it (the registry's areas, the grid workers' patrols);
 * an unreadable record is dead-lettered. The keeper must be idempotent: a crash before the commit hands the same
 * records over again, and a rebuild's application hands everything over once more.
 */
final class Recorder<T> implements Processor<String, byte[], String, byte[]> {

    private final EventCodec codec;
    private final Topic<T> topic;
    private final Consumer<T> keeper;
    private final DeadLetters deadLetters;
    private final Counter handled;
    private ProcessorContext<String, byte[]> context;

    Recorder(EventCodec codec, Topic<T> topic, Consumer<T> keeper, DeadLetters deadLetters, Counter handled) {
        this.codec = codec;
        this.topic = topic;
        this.keeper = keeper;
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
        T data;
        try {
            data = codec.decode(topic, record.value()).data();
        } catch (UndecodableEventException e) {
            deadLetters.park(context, record, at, e);
            return;
        }
        keeper.accept(data);
        handled.increment();
    }
}
