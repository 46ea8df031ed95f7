package io.gridloop.stats.completion;

import io.gridloop.infra.ServiceIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.util.List;

import static io.gridloop.stats.completion.Transitions.closed;
import static io.gridloop.stats.completion.Transitions.freshDistrict;
import static io.gridloop.stats.completion.Transitions.reported;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Exactly-once counting against the real database. Partitions here are numbers no listener reads, so these
 * tests and the Kafka-driven ones cannot disturb each other.
 */
class CompletionCountingTest extends ServiceIntegrationTest {

    private static final int P = 42;

    @Autowired
    CompletionCounting counting;

    @Autowired
    MongoTemplate mongo;

    private DistrictCompletion totals(String district) {
        return counting.district(district).orElseThrow();
    }

    @Test
    void shouldCountReportsAndClosuresPerDistrict() {
        String d = freshDistrict();
        counting.apply(reported("a-" + d, d), P, 1);
        counting.apply(reported("b-" + d, d), P, 2);
        counting.apply(closed("a-" + d, d), P, 3);

        assertThat(totals(d)).isEqualTo(new DistrictCompletion(d, "测试区" + d, 2, 1, 0.5));
    }

    @Test
    void shouldNotCountTheSameRecordTwice() {
        String d = freshDistrict();
        counting.apply(reported("a-" + d, d), P, 10);

        assertThat(counting.apply(reported("a-" + d, d), P, 10)).isFalse();
        assertThat(totals(d).reported()).isEqualTo(1);
    }

    @Test
    void shouldNotCountATransitionPublishedTwice() {
        String d = freshDistrict();
        counting.apply(reported("a-" + d, d), P, 20);

        assertThat(counting.apply(reported("a-" + d, d), P, 27)).isFalse();
        assertThat(totals(d).reported()).isEqualTo(1);
    }

    @Test
    void shouldHealACrashBetweenRecordingAndCounting() {
        String d = freshDistrict();
        counting.apply(reported("a-" + d, d), P, 30);
        // The service died after recording the closure on the case but before counting it.
        mongo.insert(new CaseFact("b-" + d, List.of(new CaseFact.Applied("b-" + d + "-1", P, 31))),
                CompletionCounting.FACTS);

        assertThat(counting.apply(reported("b-" + d, d), P, 31)).as("redelivered after restart").isTrue();
        assertThat(totals(d).reported()).isEqualTo(2);
    }

    @Test
    void shouldSumTheSameDistrictOverPartitions() {
        String d = freshDistrict();
        counting.apply(reported("a-" + d, d), 40, 1);
        counting.apply(reported("b-" + d, d), 41, 1);
        counting.apply(closed("b-" + d, d), 41, 2);

        assertThat(totals(d).reported()).isEqualTo(2);
        assertThat(totals(d).closed()).isEqualTo(1);
        assertThat(totals(d).completionRate()).isEqualTo(0.5);
    }
}
