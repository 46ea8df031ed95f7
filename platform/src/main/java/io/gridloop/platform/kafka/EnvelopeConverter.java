package io.gridloop.platform.kafka;

import io.gridloop.contracts.EventCodec;
import io.gridloop.contracts.EventEnvelope;
import io.gridloop.contracts.Topic;
import io.gridloop.contracts.Topics;
import io.gridloop.contracts.UndecodableEventException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.core.ResolvableType;
import org.springframework.kafka.support.converter.ConversionException;
import org.springframework.kafka.support.converter.MessagingMessageConverter;

import java.lang.reflect.Type;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Hands a listener that takes an {@code EventEnvelope<T>} the record's envelope, read by the topic registry's
 * codec — so no listener decodes bytes itself, and a listener that names the wrong data type for its topic fails at
 * its first record rather than reading nonsense. The record itself keeps its bytes: what goes to a dead-letter topic
 * is what was received, fields this build does not know included.
 *
 * <p>A record that is not an envelope of its topic fails as a {@link ConversionException} caused by an
 * {@link UndecodableEventException}, which the error handler dead-letters without retrying; a batch listener finds it
 * in {@code KafkaHeaders.CONVERSION_FAILURES} at the record's index, its envelope {@code null}.
 */
public class EnvelopeConverter extends MessagingMessageConverter {

    private final EventCodec codec;
    /** The data type of the envelope each listener parameter takes (empty: it takes no envelope), worked out once. */
    private final Map<Type, Optional<Class<?>>> envelopeData = new ConcurrentHashMap<>();

    public EnvelopeConverter(EventCodec codec) {
        this.codec = codec;
    }

    @Override
    protected Object extractAndConvertValue(ConsumerRecord<?, ?> record, Type type) {
        Optional<Class<?>> wanted = envelopeData.computeIfAbsent(type, EnvelopeConverter::dataOf);
        if (wanted.isEmpty() || !(record.value() instanceof byte[] bytes)) {
            return super.extractAndConvertValue(record, type);
        }
        Topic<?> topic = Topics.named(record.topic()).orElseThrow(() -> new IllegalStateException(
                "a listener takes envelopes from " + record.topic() + ", which is not a topic of the contracts"));
        Class<?> data = wanted.get();
        if (data != Object.class && data != topic.valueType()) {
            throw new IllegalStateException("a listener takes EventEnvelope<" + data.getSimpleName() + "> from "
                    + topic.name() + ", whose data is " + topic.valueType().getSimpleName());
        }
        try {
            return codec.decode(topic, bytes);
        } catch (UndecodableEventException e) {
            // As a conversion failure, a batch listener gets it beside the other records' envelopes
            // (KafkaHeaders.CONVERSION_FAILURES) instead of losing the whole batch to it.
            throw new ConversionException(e.getMessage(), record, e);
        }
    }

    /** {@code T} of a parameter {@code EventEnvelope<T>} ({@code Object} if unsaid); empty for any other type. */
    private static Optional<Class<?>> dataOf(Type type) {
        ResolvableType parameter = ResolvableType.forType(type);
        if (parameter.resolve() != EventEnvelope.class) {
            return Optional.empty();
        }
        Class<?> data = parameter.getGeneric(0).resolve();
        return Optional.of(data == null ? Object.class : data);
    }
}
