package io.gridloop.contracts;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The CloudEvents-style envelope every gridloop message travels in.
 *
 * <p>{@code id} is unique per occurrence and is what consumers deduplicate on; {@code type} is the stable wire
 * name (never a Java class name); {@code subject} is the business id the record is keyed by (a case id, a
 * district code, a work-order number).
 */
public record EventEnvelope<T>(
        String specversion,
        String id,
        String type,
        String source,
        Instant time,
        String subject,
        T data) {

    public static final String SPEC_VERSION = "1.0";

    public EventEnvelope {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(data, "data");
    }

    /** An envelope for {@code topic} with an explicit id, for events whose identity is derived from the business fact. */
    public static <T> EventEnvelope<T> of(Topic<T> topic, String id, String source, Instant time, String subject, T data) {
        return new EventEnvelope<>(SPEC_VERSION, id, topic.name(), source, time, subject, data);
    }

    /** An envelope with a fresh random id. */
    public static <T> EventEnvelope<T> of(Topic<T> topic, String source, Instant time, String subject, T data) {
        return of(topic, UUID.randomUUID().toString(), source, time, subject, data);
    }
}
