package io.gridloop.metrics.district;

import io.gridloop.contracts.EventCodec;
import io.gridloop.contracts.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.annotation.PartitionOffset;
import org.springframework.kafka.annotation.TopicPartition;
import org.springframework.stereotype.Component;

/**
 * Reads the district snapshots statistics publish: every partition of the compacted topic, from its beginning, at
 * every start — no consumer group shares them out, so every instance sees every district. Offsets it commits are
 * never read back.
 */
@Component
class SnapshotListener {

    static final String ID = "district-snapshots";

    private final DistrictSnapshots snapshots;
    private final EventCodec codec;

    SnapshotListener(DistrictSnapshots snapshots, EventCodec codec) {
        this.snapshots = snapshots;
        this.codec = codec;
    }

    @KafkaListener(id = ID, idIsGroup = false, topicPartitions = @TopicPartition(topic = Topics.Names.DISTRICT_STATS,
            partitions = "#{@wholeTopic.partitionsOf('" + Topics.Names.DISTRICT_STATS + "')}",
            partitionOffsets = @PartitionOffset(partition = "*", initialOffset = "0")))
    void on(ConsumerRecord<String, byte[]> record) {
        snapshots.offer(codec.decode(Topics.DISTRICT_STATS, record.value()).data());
    }
}
