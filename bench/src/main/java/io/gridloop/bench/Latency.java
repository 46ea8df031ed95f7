package io.gridloop.bench;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

import java.util.LinkedHashMap;
import java.util.Map;

/** One latency measured with HdrHistogram, in milliseconds with microsecond resolution. */
final class Latency {

    private final Recorder recorder = new Recorder(3);
    private final Histogram total = new Histogram(3);

    void recordNanos(long nanos) {
        recorder.recordValue(Math.max(0, nanos / 1_000));
    }

    void recordMillis(long millis) {
        recorder.recordValue(Math.max(0, millis * 1_000));
    }

    /** Everything recorded so far (folds the recorder's interval into the total). */
    synchronized Histogram snapshot() {
        total.add(recorder.getIntervalHistogram());
        return total.copy();
    }

    Map<String, Object> summary() {
        Histogram h = snapshot();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("count", h.getTotalCount());
        if (h.getTotalCount() > 0) {
            m.put("p50Ms", ms(h.getValueAtPercentile(50)));
            m.put("p99Ms", ms(h.getValueAtPercentile(99)));
            m.put("p999Ms", ms(h.getValueAtPercentile(99.9)));
            m.put("maxMs", ms(h.getMaxValue()));
            m.put("meanMs", Math.round(h.getMean() / 10.0) / 100.0);
        }
        return m;
    }

    private static double ms(long micros) {
        return Math.round(micros / 10.0) / 100.0;
    }
}
