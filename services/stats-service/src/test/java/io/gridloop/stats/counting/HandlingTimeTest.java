package io.gridloop.stats.counting;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class HandlingTimeTest {

    @Test
    void shouldPutEachTimeInABucketWhoseBoundsHoldIt() {
        Random random = new Random(7);
        for (int i = 0; i < 10_000; i++) {
            long seconds = 60 + random.nextLong(40L * 86_400);
            int b = HandlingTime.bucketOf(Duration.ofSeconds(seconds));
            assertThat((double) seconds).isLessThan(HandlingTime.upperBoundSeconds(b))
                    .isGreaterThanOrEqualTo(HandlingTime.upperBoundSeconds(b - 1) - 1e-6);
        }
        assertThat(HandlingTime.bucketOf(Duration.ofSeconds(59))).isZero();
        assertThat(HandlingTime.bucketOf(Duration.ofSeconds(60))).isEqualTo(1);
    }

    @Test
    void shouldGiveTheP90WithinTenPercentOfTheExactValue() {
        Random random = new Random(11);
        long[] times = new long[5_000];
        Map<Integer, Long> buckets = new HashMap<>();
        for (int i = 0; i < times.length; i++) {
            times[i] = 600 + (long) (random.nextDouble() * random.nextDouble() * 10 * 86_400);
            buckets.merge(HandlingTime.bucketOf(Duration.ofSeconds(times[i])), 1L, Long::sum);
        }
        java.util.Arrays.sort(times);
        double exact = times[(int) Math.ceil(0.9 * times.length) - 1];

        double p90 = HandlingTime.quantileSeconds(buckets, 0.9);

        assertThat(p90).isGreaterThanOrEqualTo(exact).isCloseTo(exact, within(exact * 0.1));
        assertThat(HandlingTime.quantileSeconds(Map.of(), 0.9)).isNull();
    }
}
