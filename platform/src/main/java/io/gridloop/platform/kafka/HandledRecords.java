package io.gridloop.platform.kafka;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.springframework.kafka.listener.BatchInterceptor;
import org.springframework.kafka.listener.RecordInterceptor;

/**
 * {@code gridloop.kafka.records.handled} (tag {@code topic}): records this instance's listeners processed — with
 * several instances in a consumer group, each one's share of the work. A record listener's record counts when
 * the listener returned; a batch listener's records count when the whole batch did.
 */
class HandledRecords implements RecordInterceptor<Object, Object>, BatchInterceptor<Object, Object> {

    private final MeterRegistry meters;

    HandledRecords(MeterRegistry meters) {
        this.meters = meters;
    }

    @Override
    public ConsumerRecord<Object, Object> intercept(ConsumerRecord<Object, Object> record,
                                                    Consumer<Object, Object> consumer) {
        return record;
    }

    @Override
    public ConsumerRecords<Object, Object> intercept(ConsumerRecords<Object, Object> records,
                                                     Consumer<Object, Object> consumer) {
        return records;
    }

    @Override
    public void success(ConsumerRecord<Object, Object> record, Consumer<Object, Object> consumer) {
        count(record.topic(), 1);
    }

    @Override
    public void success(ConsumerRecords<Object, Object> records, Consumer<Object, Object> consumer) {
        records.partitions().forEach(p -> count(p.topic(), records.records(p).size()));
    }

    private void count(String topic, int records) {
        RecordMeters.handled(meters, topic).increment(records);
    }
}
