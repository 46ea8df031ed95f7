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

    @Test
    void shouldShowTheSecondHalfAndTheCpuByRoleOfTheDistrictYear() {
        Map<String, Object> year = new LinkedHashMap<>();
        year.put("closed", 5000);
        year.put("wallSeconds", 160);
        year.put("casesPerSecond", 31.3);
        year.put("stack", Map.of("cpuCoresBusy", 1.75));
        year.put("secondHalf", Map.of("casesPerSecond", 38.2, "cpuMsPerCase", 45.1, "cpuMsPerCaseWithoutJit", 36.0));
        year.put("stackCpuMsPerCaseByRole", Map.of("JIT compiler", 9.8));

        String summary = Summary.of(Map.of("machine", "test", "districtYear", year));

        assertThat(summary).contains("stack CPU per closed case 56.0 ms")
                .contains("second half: 38.2 cases/s, 45.1 ms CPU per case, 36.0 ms without the JIT compiler")
                .containsPattern("9\\.8 ms\\s+JIT compiler");
    }

    @Test
    void shouldTellTheStacksThreadsApartByTheirNames() {
        // Names as Linux keeps them: at most 15 characters.
        assertThat(ThreadCpu.role("C2 CompilerThre")).isEqualTo("JIT compiler");
        assertThat(ThreadCpu.role("G1 Conc#0")).isEqualTo("garbage collector");
        assertThat(ThreadCpu.role("GC Thread#1")).isEqualTo("garbage collector");
        assertThat(ThreadCpu.role("ForkJoinPool-1-")).startsWith("services");
        assertThat(ThreadCpu.role("mongo-server-wo")).isEqualTo("MongoDB-wire server");
        assertThat(ThreadCpu.role("H2-serializatio")).isEqualTo("MongoDB-wire server");
        assertThat(ThreadCpu.role("data-plane-kafk")).isEqualTo("Kafka broker");
        assertThat(ThreadCpu.role("kafka-producer-")).isEqualTo("Kafka clients");
        assertThat(ThreadCpu.role("stats-service-l")).startsWith("statistics counting");
        assertThat(ThreadCpu.role("main")).isEqualTo("other");
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldCountEachCrossingOncePerCase() {
        Map<String, Double> before = new java.util.TreeMap<>();
        Map<String, Double> after = new java.util.TreeMap<>();
        String db = "mongodb_driver_commands_seconds_count{application=\"dispatch-service\",collection=\"cases\","
                + "command=\"update\",database=\"gridloop_dispatch\",status=\"SUCCESS\"} ";
        String consumed = "kafka_consumer_fetch_manager_records_consumed_total{application=\"stats-service\","
                + "client_id=\"c\",topic=\"%s\"} %s";
        Crossings.add(db + "100", before);
        Crossings.add(db + "300", after);
        Crossings.add(String.format(consumed, "grid.case.transitioned.v1", "1000.0"), after);
        Crossings.add(String.format(consumed, "grid_case_transitioned_v1", "1000.0"), after); // the same, again
        Crossings.add("http_server_requests_seconds_count{application=\"intake-service\",method=\"GET\","
                + "uri=\"/actuator/health/**\"} 7", after);
        Crossings.add("http_server_requests_seconds_count{application=\"dispatch-service\",method=\"POST\","
                + "uri=\"/api/v1/cases/{caseId}/actions/{action}\"} 410", after);

        Map<String, Object> perCase = new Crossings(after).perCase(new Crossings(before), 100);

        assertThat((Map<String, Object>) perCase.get("totals")).containsEntry("database", 2.0)
                .containsEntry("kafka consumed", 10.0).containsEntry("http", 4.1);
        assertThat((Map<String, Object>) perCase.get("each"))
                .containsEntry("database dispatch-service cases update", 2.0)
                .containsEntry("kafka consumed stats-service grid.case.transitioned.v1", 10.0);
    }

    @Test
    void shouldPriceTheCrossingsAtTheMeasuredUnitCosts() {
        Map<String, Object> perCase = Map.of(
                "totals", Map.of("database", 10.0, "http", 4.0, "kafka sent", 5.0, "kafka consumed", 12.0),
                "each", Map.of("database dispatch-service cases update", 6.0,
                        "database dispatch-service cases find", 4.0));
        Map<String, Object> unit = Map.of("databaseUpdateMs", 0.5, "databaseFindMs", 0.25, "kafkaRecordMs", 0.2,
                "httpRequestMs", 1.0);

        // 6 × 0.5 + 4 × 0.25 + 4 × 1.0 + 5 × 0.2
        assertThat(Crossings.floorMs(perCase, unit)).isEqualTo(9.0);
    }

    @Test
    void shouldReadTheCpuSecondsOfAProcStatLineWhateverTheThreadIsCalled() {
        // pid (comm) state ppid … utime stime: a name may hold spaces and parentheses.
        String stat = "4711 (C2 Compiler (x)) S 1 2 3 4 5 6 7 8 9 10 250 50 0 0 20 0 1 0";

        assertThat(ProcStats.cpuSeconds(stat)).isEqualTo(3.0);
    }
}
