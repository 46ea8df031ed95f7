package io.gridloop.infra;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.ExecutionException;

/** Writes raw records, as another service (or a broken one) would: for tests that feed a consumer. */
public final class TopicWriter {

    private TopicWriter() {
    }

    public static void send(String bootstrapServers, String topic, String key, byte[] value) {
        sendAll(bootstrapServers, topic, List.of(Map.entry(key, value)));
    }

    /** Writes one record with a W3C {@code traceparent} header, as a traced producer would. */
    public static void sendTraced(String bootstrapServers, String topic, String key, byte[] value,
                                  String traceparent) {
        write(bootstrapServers, topic, List.of(new ProducerRecord<>(topic, null, key, value,
                List.of(new RecordHeader("traceparent", traceparent.getBytes(StandardCharsets.US_ASCII))))));
    }

    /** Writes {@code records} (key → value) in this order through one producer, and waits for all of them. */
    public static void sendAll(String bootstrapServers, String topic, List<Map.Entry<String, byte[]>> records) {
        write(bootstrapServers, topic, records.stream()
                .map(r -> new ProducerRecord<>(topic, r.getKey(), r.getValue())).toList());
    }

    private static void write(String bootstrapServers, String topic, List<ProducerRecord<String, byte[]>> records) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                Map.of("bootstrap.servers", bootstrapServers, "acks", "all", "enable.idempotence", "true",
                        "linger.ms", "5"),
                new StringSerializer(), new ByteArraySerializer())) {
            List<Future<RecordMetadata>> sent = new ArrayList<>(records.size());
            for (ProducerRecord<String, byte[]> r : records) {
                sent.add(producer.send(r));
            }
            for (Future<RecordMetadata> f : sent) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not write to " + topic, e.getCause());
        }
    }
}
