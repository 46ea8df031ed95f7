package io.gridloop.contracts;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;

/**
 * Turns envelopes into the JSON that goes on the wire and back, the same way in every service.
 *
 * <p>Unknown fields are ignored so producers can add optional fields without breaking older consumers; absent
 * optional fields are left out rather than written as {@code null}.
 */
public final class EventCodec {

    private final JsonMapper mapper = JsonMapper.builder()
            .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .changeDefaultPropertyInclusion(incl -> incl.withValueInclusion(JsonInclude.Include.NON_NULL))
            .build();

    public byte[] encode(EventEnvelope<?> envelope) {
        return mapper.writeValueAsBytes(envelope);
    }

    public String encodeToString(EventEnvelope<?> envelope) {
        return new String(encode(envelope), StandardCharsets.UTF_8);
    }

    /**
     * Reads a record of {@code topic}.
     *
     * @throws UndecodableEventException if the bytes are not an envelope of the topic's event type
     */
    public <T> EventEnvelope<T> decode(Topic<T> topic, byte[] json) {
        if (json == null || json.length == 0) {
            throw new UndecodableEventException("empty record on " + topic.name());
        }
        EventEnvelope<T> envelope;
        try {
            JavaType type = mapper.getTypeFactory().constructParametricType(EventEnvelope.class, topic.valueType());
            envelope = mapper.readValue(json, type);
        } catch (JacksonException | IllegalArgumentException | NullPointerException e) {
            throw new UndecodableEventException("record on " + topic.name() + " is not a valid envelope: "
                    + e.getMessage(), e);
        }
        if (!topic.name().equals(envelope.type())) {
            throw new UndecodableEventException("record on " + topic.name() + " has type " + envelope.type());
        }
        return envelope;
    }

    public <T> EventEnvelope<T> decode(Topic<T> topic, String json) {
        return decode(topic, json == null ? null : json.getBytes(StandardCharsets.UTF_8));
    }

    /** The mapper behind the codec, for tests that need to look at the raw JSON tree. */
    public JsonMapper mapper() {
        return mapper;
    }
}
