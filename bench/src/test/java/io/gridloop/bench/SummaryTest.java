package io.gridloop.bench;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SummaryTest {

    private static Map<String, Object> latencyPhase(boolean keptUp) {
        Map<String, Object> histogram = Map.of("count", 100, "p50Ms", 20.0, "p99Ms", 300.0, "p999Ms", 400.0);
        Map<String, Object> phase = new LinkedHashMap<>();
        phase.put("intake", Map.of("offeredPerSecond", 224.0, "acceptedPerSecond", 223.5, "failed", 0,
                "latency", histogram));
        phase.put("reportToRouted", histogram);
        phase.put("closeVisibleInStatsApi", histogram);
        phase.put("closeVisibleInPrometheus", histogram);
        phase.put("lifecycle", histogram);
        phase.put("fullLoopCasesPerSecond", 58.6);
        phase.put("loopKeptUp", keptUp);
        phase.put("secondsToFinishAfterLastReport", keptUp ? 1.2 : 168.4);
        phase.put("stack", Map.of());
        return phase;
    }

    @Test
    void shouldWarnThatLatenciesIncludeQueueingWhenTheLoopFellBehind() {
        String summary = Summary.of(Map.of("machine", "test", "latency", latencyPhase(false)));

        assertThat(summary).contains("the loop did not keep up").contains("168.4 s")
                .contains("--rate below 58.6");
    }

    @Test
    void shouldNotWarnWhenTheLoopKeptUp() {
        assertThat(Summary.of(Map.of("machine", "test", "latency", latencyPhase(true))))
                .doesNotContain("WARNING").contains("full loop 58.6 cases/s");
    }
}
