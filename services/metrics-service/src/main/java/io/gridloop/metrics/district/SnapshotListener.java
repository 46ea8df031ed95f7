package io.gridloop.metrics.district;

import io.gridloop.contracts.EventCodec;
import io.gridloop.contracts.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Takes the district snapshots stats publishes. */
@Component
class SnapshotListener {

    private final DistrictBoard board;
    private final EventCodec codec;

    SnapshotListener(DistrictBoard board, EventCodec codec) {
        this.board = board;
        this.codec = codec;
    }

    @KafkaListener(topics = Topics.Names.DISTRICT_STATS)
    void on(ConsumerRecord<String, byte[]> record) {
        board.offer(codec.decode(Topics.DISTRICT_STATS, record.value()).data());
    }
}
