package io.gridloop.bench;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Waits until the services' consumer groups have read everything on their topics, so that one phase's backlog
 * does not bill the next phase's latencies.
 */
final class Drain {

    private Drain() {
    }

    /** @return the lag left when it stopped waiting (0 when drained) */
    static long await(Stack stack, Duration patience) throws Exception {
        long deadline = System.nanoTime() + patience.toNanos();
        long lag;
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", stack.kafka()))) {
            do {
                lag = lag(admin);
                if (lag == 0) {
                    return 0;
                }
                Thread.sleep(1_000); // consumer lag is only known by asking again
            } while (System.nanoTime() < deadline);
        }
        return lag;
    }

    private static long lag(Admin admin) throws Exception {
        long total = 0;
        for (ConsumerGroupListing group : admin.listConsumerGroups().all().get()) {
            if (group.groupId().startsWith("bench")) {
                continue;
            }
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group.groupId())
                    .partitionsToOffsetAndMetadata().get();
            Map<TopicPartition, OffsetSpec> latest = committed.keySet().stream()
                    .collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest()));
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = latest.isEmpty() ? new HashMap<>()
                    : admin.listOffsets(latest).all().get();
            for (var e : committed.entrySet()) {
                if (e.getValue() != null && ends.containsKey(e.getKey())) {
                    total += Math.max(0, ends.get(e.getKey()).offset() - e.getValue().offset());
                }
            }
        }
        return total;
    }
}
