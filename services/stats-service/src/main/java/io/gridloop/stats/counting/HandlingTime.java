package io.gridloop.stats.counting;

import java.time.Duration;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Handling times (上报 → 办结) counted in buckets 10% wide, so a p90 over any set of areas and days is the sum of
 * their buckets — exact counts, with the percentile known to within one bucket (±10%). Bucket 0 holds
 * everything under a minute; bucket {@code b} ≥ 1 holds [60·1.1^(b−1), 60·1.1^b) seconds.
 */
public final class HandlingTime {

    private static final double GROWTH = 1.1;
    private static final double LOG_GROWTH = Math.log(GROWTH);

    private HandlingTime() {
    }

    public static int bucketOf(Duration handling) {
        long seconds = Math.max(0, handling.toSeconds());
        if (seconds < 60) {
            return 0;
        }
        return 1 + (int) Math.floor(Math.log(seconds / 60.0) / LOG_GROWTH + 1e-9);
    }

    /** The upper bound of a bucket in seconds; a percentile reported from a bucket is never an underestimate. */
    public static double upperBoundSeconds(int bucket) {
        return 60 * Math.pow(GROWTH, bucket);
    }

    /**
     * The {@code p}-quantile (0 < p ≤ 1) of the counted times, in seconds, or {@code null} when nothing is counted.
     *
     * @param buckets bucket number → cases
     */
    public static Double quantileSeconds(Map<Integer, Long> buckets, double p) {
        SortedMap<Integer, Long> sorted = new TreeMap<>(buckets);
        long total = sorted.values().stream().mapToLong(Long::longValue).sum();
        if (total == 0) {
            return null;
        }
        long rank = (long) Math.ceil(p * total);
        long seen = 0;
        for (Map.Entry<Integer, Long> e : sorted.entrySet()) {
            seen += e.getValue();
            if (seen >= rank) {
                return upperBoundSeconds(e.getKey());
            }
        }
        return upperBoundSeconds(sorted.lastKey());
    }
}
