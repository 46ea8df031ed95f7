package io.gridloop.stats;

import io.gridloop.contracts.Topics;
import io.gridloop.stats.generations.Generations;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.awaitility.Awaitility.await;

/**
 * Waits until the counts readers read hold every transition on the topic: the application that keeps the reading
 * generation has written the counts of each partition's last record to the cells.
 */
public final class Counted {

    private Counted() {
    }

    public static void awaitAll(String bootstrap, Generations generations) {
        awaitAll(bootstrap, generations, Duration.ofMinutes(4));
    }

    /** The same, for as long as {@code patience}: a large replay takes longer. */
    public static void awaitAll(String bootstrap, Generations generations, Duration patience) {
        await().atMost(patience).pollInterval(Duration.ofMillis(200)).until(() -> {
            Generations.State state = generations.current();
            if (state.readingApp() == null) {
                return false;
            }
            Map<Integer, Long> written = generations.writtenBy(state.readingApp());
            return ends(bootstrap).entrySet().stream()
                    .allMatch(e -> written.getOrDefault(e.getKey(), -1L) + 1 >= e.getValue());
        });
    }

    private static Map<Integer, Long> ends(String bootstrap) throws Exception {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        for (int p = 0; p < Topics.CASE_TRANSITIONED.partitions(); p++) {
            latest.put(new TopicPartition(Topics.Names.CASE_TRANSITIONED, p), OffsetSpec.latest());
        }
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            Map<Integer, Long> out = new HashMap<>();
            admin.listOffsets(latest).all().get().forEach((tp, info) -> out.put(tp.partition(), info.offset()));
            return out;
        }
    }
}
