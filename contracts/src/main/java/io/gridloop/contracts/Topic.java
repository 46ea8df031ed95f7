package io.gridloop.contracts;

import java.util.List;

/**
 * One Kafka topic: its name (which is also the CloudEvents {@code type} of every record on it), the Java type of
 * the envelope's data, what the record key is, and who writes and reads it.
 *
 * @param name        topic name and event type, e.g. {@code grid.case.transitioned.v1}
 * @param valueType   the record type of {@link EventEnvelope#data()}
 * @param key         what the record key holds (documentation; keys are always strings)
 * @param partitions  partition count the topic is created with
 * @param compacted   {@code cleanup.policy=compact}: the topic holds the latest value per key
 * @param producer    the single service that writes the topic
 * @param consumers   the services that read it
 */
public record Topic<V>(
        String name,
        Class<V> valueType,
        String key,
        int partitions,
        boolean compacted,
        String producer,
        List<String> consumers) {

    public Topic {
        consumers = List.copyOf(consumers);
    }

    /** Where a consumer parks records it cannot process, after bounded retries. */
    public String deadLetterTopic() {
        return name + ".dlt";
    }

    /** Classpath location of the JSON Schema that every record on this topic validates against. */
    public String schemaResource() {
        return "contracts/schemas/" + name + ".schema.json";
    }
}
