package io.gridloop.stats.query;

import io.gridloop.stats.counting.HandlingTime;
import io.gridloop.stats.counting.Measure;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/** The measures of one area summed over cells, with the handling-time buckets for percentiles. */
public final class Tally {

    private final Map<Measure, Long> counts = new EnumMap<>(Measure.class);
    private final Map<Integer, Long> handlingBuckets = new HashMap<>();

    public long get(Measure m) {
        return counts.getOrDefault(m, 0L);
    }

    void add(Measure m, long value) {
        counts.merge(m, value, Long::sum);
    }

    void addHandling(int bucket, long cases) {
        handlingBuckets.merge(bucket, cases, Long::sum);
    }

    public void addAll(Tally other) {
        other.counts.forEach(this::add);
        other.handlingBuckets.forEach(this::addHandling);
    }

    /** Every measure by its code, zeros included, in the measures' order. */
    public Map<String, Long> byCode() {
        Map<String, Long> out = new java.util.LinkedHashMap<>();
        for (Measure m : Measure.values()) {
            out.put(m.code(), get(m));
        }
        return out;
    }

    /** Mean time from report to 办结 in hours, or {@code null} when nothing was closed. */
    public Double averageHandlingHours() {
        long closed = get(Measure.CLOSED);
        return closed == 0 ? null : get(Measure.HANDLING_SECONDS) / 3600.0 / closed;
    }

    /** The 90th percentile of time from report to 办结 in hours (to within 10%), or {@code null}. */
    public Double p90HandlingHours() {
        Double seconds = HandlingTime.quantileSeconds(handlingBuckets, 0.9);
        return seconds == null ? null : seconds / 3600.0;
    }
}
