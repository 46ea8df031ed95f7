package io.gridloop.stats.completion;

import io.gridloop.contracts.EventCodec;
import io.gridloop.contracts.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Feeds every case transition into the counts. */
@Component
class TransitionListener {

    private final CompletionCounting counting;
    private final EventCodec codec;

    TransitionListener(CompletionCounting counting, EventCodec codec) {
        this.counting = counting;
        this.codec = codec;
    }

    @KafkaListener(topics = Topics.Names.CASE_TRANSITIONED)
    void on(ConsumerRecord<String, byte[]> record) {
        counting.apply(codec.decode(Topics.CASE_TRANSITIONED, record.value()), record.partition(), record.offset());
    }
}
