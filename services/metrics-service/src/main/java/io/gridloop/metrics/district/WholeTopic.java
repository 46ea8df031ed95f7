package io.gridloop.metrics.district;

import io.gridloop.contracts.Topics;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.PartitionInfo;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.stream.IntStream;

/**
 * The partitions of a topic, for a listener that reads all of them itself rather than sharing them in a consumer
 * group. The broker's count wins (an installation may have added partitions); before the topic exists, the count
 * the contracts create it with.
 */
@Component("wholeTopic")
class WholeTopic {

    private final ConsumerFactory<?, ?> consumers;

    WholeTopic(ConsumerFactory<?, ?> consumers) {
        this.consumers = consumers;
    }

    /** {@code "0"}, {@code "1"}… for every partition of {@code topic}. */
    public String[] partitionsOf(String topic) {
        int declared = Topics.named(topic)
                .orElseThrow(() -> new IllegalArgumentException("no such topic in the contracts: " + topic))
                .partitions();
        int known;
        try (Consumer<?, ?> consumer = consumers.createConsumer()) {
            List<PartitionInfo> partitions = consumer.partitionsFor(topic);
            known = partitions == null ? 0 : partitions.size();
        }
        return IntStream.range(0, Math.max(declared, known)).mapToObj(String::valueOf).toArray(String[]::new);
    }
}
