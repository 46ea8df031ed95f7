package io.gridloop.platform.kafka;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The two per-topic counters every consumer of a service reports, whether a listener or a Kafka Streams task:
 * records handled by this instance, and records parked on the dead-letter topic.
 */
public final class RecordMeters {

    private RecordMeters() {
    }

    /** {@code gridloop.kafka.records.handled}: records this instance processed — its share of the work. */
    public static Counter handled(MeterRegistry meters, String topic) {
        return Counter.builder("gridloop.kafka.records.handled")
                .description("Records this instance's listeners processed")
                .tag("topic", topic)
                .register(meters);
    }

    /** {@code gridloop.kafka.dead.letters}: records given up on and parked on {@code <topic>.dlt}. */
    public static Counter deadLetters(MeterRegistry meters, String topic) {
        return Counter.builder("gridloop.kafka.dead.letters")
                .description("Records a consumer gave up on and parked on the dead-letter topic")
                .tag("topic", topic)
                .register(meters);
    }
}
