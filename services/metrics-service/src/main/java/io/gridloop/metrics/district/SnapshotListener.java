package io.gridloop.metrics.district;

import io.gridloop.contracts.event.DistrictCompletionSnapshot;
import io.gridloop.contracts.EventEnvelope;
import io.gridloop.contracts.Topics;
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

    SnapshotListener(DistrictSnapshots snapshots) {
        this.snapshots = snapshots;
    }

    @KafkaListener(id = ID, idIsGroup = false, topicPartitions = @TopicPartition(topic = Topics.Names.DISTRICT_STATS,
            partitions = "#{@wholeTopic.partitionsOf('" + Topics.Names.DISTRICT_STATS + "')}",
            partitionOffsets = @PartitionOffset(partition = "*", initialOffset = "0")))
    void on(EventEnvelope<DistrictCompletionSnapshot> envelope) {
        snapshots.offer(envelope.data());
    }
}
