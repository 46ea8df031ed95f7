package io.gridloop.stats.streams;

import io.gridloop.platform.kafka.RecordMeters;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.kafka.support.KafkaHeaders;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Parks an unreadable record on its topic's dead-letter topic — through the topology's sink of that name, so in
 * the same transaction as the offsets — with the headers and counter ({@link RecordMeters}) every listener's dead
 * letters have.
 */
final class DeadLetters {

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

    private final String sinkName;
    private final Counter counter;

    DeadLetters(String sinkName, String topic, MeterRegistry meters) {
        this.sinkName = sinkName;
        this.counter = RecordMeters.deadLetters(meters, topic);
    }

    void park(ProcessorContext<String, byte[]> context, Record<String, byte[]> record, RecordMetadata at,
              Exception why) {
        // Kafka Streams is not observed like the listeners, so the record's trace id is put in the log by hand:
        // whoever finds the dead letter finds its story by that id.
        try (MDC.MDCCloseable trace = traceIdOf(record.headers()).map(id -> MDC.putCloseable("traceId", id))
                .orElse(null)) {
            log.error("Dead-lettering record {}-{}@{} key={}: {}", at.topic(), at.partition(), at.offset(),
                    record.key(), why.toString());
        }
        RecordHeaders headers = new RecordHeaders(record.headers().toArray());
        headers.add(KafkaHeaders.DLT_ORIGINAL_TOPIC, at.topic().getBytes(StandardCharsets.UTF_8));
        headers.add(KafkaHeaders.DLT_ORIGINAL_PARTITION, ByteBuffer.allocate(4).putInt(at.partition()).array());
        headers.add(KafkaHeaders.DLT_ORIGINAL_OFFSET, ByteBuffer.allocate(8).putLong(at.offset()).array());
        headers.add(KafkaHeaders.DLT_ORIGINAL_TIMESTAMP, ByteBuffer.allocate(8).putLong(record.timestamp()).array());
        // The application id is the consumer group: whoever reads the dead letters sees who parked it.
        headers.add(KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP,
                context.applicationId().getBytes(StandardCharsets.UTF_8));
        headers.add(KafkaHeaders.DLT_EXCEPTION_FQCN, why.getClass().getName().getBytes(StandardCharsets.UTF_8));
        headers.add(KafkaHeaders.DLT_EXCEPTION_MESSAGE,
                String.valueOf(why.getMessage()).getBytes(StandardCharsets.UTF_8));
        context.forward(new Record<>(record.key(), record.value(), record.timestamp(), headers), sinkName);
        counter.increment();
    }

    /** The trace id of a W3C {@code traceparent} header, read by OpenTelemetry's own propagator. */
    static java.util.Optional<String> traceIdOf(Headers headers) {
        SpanContext span = Span.fromContext(W3CTraceContextPropagator.getInstance()
                .extract(Context.root(), headers, HEADERS)).getSpanContext();
        return span.isValid() ? java.util.Optional.of(span.getTraceId()) : java.util.Optional.empty();
    }

    /** How the propagator reads a Kafka record's headers (the last value of a repeated one). */
    private static final TextMapGetter<Headers> HEADERS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Headers headers) {
            return java.util.Arrays.stream(headers.toArray()).map(Header::key).toList();
        }

        @Override
        public String get(Headers headers, String key) {
            Header last = headers == null ? null : headers.lastHeader(key);
            return last == null ? null : new String(last.value(), StandardCharsets.US_ASCII);
        }
    };
}
