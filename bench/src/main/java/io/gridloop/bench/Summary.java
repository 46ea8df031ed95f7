package io.gridloop.bench;

import java.util.Map;

/** The human summary of a result: each measure beside its target, and gridloop's rates as shares of the machine's. */
final class Summary {

    private Summary() {
    }

    @SuppressWarnings("unchecked")
    static String of(Map<String, Object> r) {
        StringBuilder s = new StringBuilder("\n=== gridloop benchmark ===\n");
        s.append("machine: ").append(r.get("machine")).append('\n');
        Map<String, Object> base = (Map<String, Object>) r.get("baselines");
        Number kafka = null;
        Number mongoOne = null;
        if (base != null) {
            Map<String, Object> k = (Map<String, Object>) base.get("kafka");
            Map<String, Object> m = (Map<String, Object>) base.get("mongo");
            kafka = (Number) k.get("produceAndConsumePerSecond");
            mongoOne = (Number) m.get("insertOnePerSecond");
            s.append(String.format("baseline  Kafka 1 KB produce %s/s, consume %s/s, produce+consume %s/s%n",
                    k.get("producePerSecond"), k.get("consumePerSecond"), kafka));
            s.append(String.format("baseline  MongoDB-wire 1 KB insertOne %s/s, insertMany %s/s%n", mongoOne,
                    m.get("insertManyPerSecond")));
            Map<String, Object> unit = (Map<String, Object>) base.get("unitCosts");
            if (unit != null) {
                s.append(String.format("baseline  stack CPU per crossing: database update %s ms, find %s ms, Kafka record "
                                + "%s ms, HTTP request %s ms%n", unit.get("databaseUpdateMs"), unit.get("databaseFindMs"),
                        unit.get("kafkaRecordMs"), unit.get("httpRequestMs")));
            }
        }
        Map<String, Object> lat = (Map<String, Object>) r.get("latency");
        if (lat != null) {
            Map<String, Object> intake = (Map<String, Object>) lat.get("intake");
            Map<String, Object> il = (Map<String, Object>) intake.get("latency");
            s.append(String.format("intake    %s reports/s offered, %s/s accepted, %s failed: p50 %s ms, p99 %s ms, "
                            + "p99.9 %s ms   (target p99 ≤ 25 ms at 2,000/s)%n", intake.get("offeredPerSecond"),
                    intake.get("acceptedPerSecond"), intake.get("failed"), il.get("p50Ms"), il.get("p99Ms"),
                    il.get("p999Ms")));
            s.append(line("report → routed", lat.get("reportToRouted"), "p99 ≤ 200 ms"));
            s.append(line("close → visible (stats API)", lat.get("closeVisibleInStatsApi"), "p99 ≤ 1 s"));
            s.append(line("close → visible (Prometheus)", lat.get("closeVisibleInPrometheus"), "p99 ≤ 1 s"));
            s.append(line("report → closed (whole loop)", lat.get("lifecycle"), "—"));
            Number loop = (Number) lat.get("fullLoopCasesPerSecond");
            s.append(String.format("full loop %s cases/s closed while reporting (target ≥ 700/s)%s%n", loop,
                    ratio(loop, mongoOne, "MongoDB-wire insertOne")));
            s.append("stack     ").append(lat.get("stack")).append("   (target RSS ≤ 2,560 MiB)\n");
            if (Boolean.FALSE.equals(lat.get("loopKeptUp"))) {
                s.append(String.format("WARNING   the loop did not keep up: it needed %s s after the last report to close "
                        + "the rest, so the latencies above include queueing; measure again with --rate below "
                        + "%s%n", lat.get("secondsToFinishAfterLastReport"), loop));
            }
        }
        Map<String, Object> cap = (Map<String, Object>) r.get("capacity");
        if (cap != null) {
            Number highest = (Number) cap.get("highestSustainedPerSecond");
            s.append(String.format("capacity  highest sustained intake rate %s reports/s%s%n", highest,
                    ratio(highest, kafka, "raw Kafka produce+consume")));
        }
        Map<String, Object> year = (Map<String, Object>) r.get("districtYear");
        if (year != null) {
            s.append(String.format("district year  %s cases closed in %s s = %s cases/s (target 440,000 in ≤ 30 min)%n",
                    year.get("closed"), year.get("wallSeconds"), year.get("casesPerSecond")));
            s.append("               stack ").append(year.get("stack")).append('\n');
            Map<String, Object> stack = (Map<String, Object>) year.get("stack");
            Number closed = (Number) year.get("closed");
            if (stack != null && closed != null && closed.longValue() > 0) {
                double msPerCase = ((Number) stack.get("cpuCoresBusy")).doubleValue()
                        * ((Number) year.get("wallSeconds")).doubleValue() * 1000 / closed.doubleValue();
                s.append(String.format("               stack CPU per closed case %.1f ms (target ≤ 7.5 ms)%n", msPerCase));
            }
            Map<String, Object> half = (Map<String, Object>) year.get("secondHalf");
            if (half != null) {
                s.append(String.format("               second half: %s cases/s, %s ms CPU per case, %s ms without the JIT "
                                + "compiler%n", half.get("casesPerSecond"), half.get("cpuMsPerCase"),
                        half.get("cpuMsPerCaseWithoutJit")));
            }
            Map<String, Object> byRole = (Map<String, Object>) year.get("stackCpuMsPerCaseByRole");
            if (byRole != null) {
                byRole.forEach((role, ms) -> s.append(String.format("                 %6s ms  %s%n", ms, role)));
            }
            Map<String, Object> crossings = (Map<String, Object>) year.get("crossingsPerCase");
            if (crossings != null) {
                s.append("               per closed case: ").append(crossings.get("totals")).append('\n');
                ((Map<String, Object>) crossings.get("each")).entrySet().stream().limit(15).forEach(e ->
                        s.append(String.format("                 %6s  %s%n", e.getValue(), e.getKey())));
                Map<String, Object> unit = base == null ? null : (Map<String, Object>) base.get("unitCosts");
                if (unit != null) {
                    s.append(String.format("               floor of these crossings alone: %.1f ms CPU per case%n",
                            Crossings.floorMs(crossings, unit)));
                }
            }
        }
        Map<String, Object> store = (Map<String, Object>) r.get("store");
        if (store != null) {
            s.append(String.format("store     %s bytes per case on disk at the end of the run (chunks %s%% live); %s after a "
                            + "restart compacted it (target ≤ 5 KB)%n", store.get("fileBytesPerCase"),
                    store.get("chunksFillRatePercent"), store.get("fileBytesPerCaseAfterRestart")));
            for (Map<String, Object> c : (java.util.List<Map<String, Object>>) store.get("collections")) {
                if (((Number) c.get("bytes")).longValue() > 0) {
                    s.append(String.format("  %-40s %,10d documents %,8d bytes per case%n", c.get("collection"),
                            ((Number) c.get("documents")).longValue(), ((Number) c.get("bytesPerCase")).longValue()));
                }
            }
        }
        Map<String, Object> pages = (Map<String, Object>) r.get("pages");
        if (pages != null) {
            s.append(String.format("pages     an operator of %s, one request after another (%s cases ended this week)%n",
                    pages.get("district"), pages.get("casesEndedThisWeek")));
            for (String page : java.util.List.of("workListPage", "tabCounts", "closedWeek", "searchByNumber",
                    "searchCommonWord", "searchRareWord", "searchWordsThatNeverMeet")) {
                if (pages.get(page) != null) {
                    s.append(line("  " + page, pages.get(page), "p99 ≤ 300 ms"));
                }
            }
            if (pages.get("casePage") != null) {
                s.append(line("  casePage", pages.get("casePage"), "p99 ≤ 200 ms"));
            }
        }
        return s.toString();
    }

    @SuppressWarnings("unchecked")
    private static String line(String what, Object latency, String target) {
        Map<String, Object> l = (Map<String, Object>) latency;
        return String.format("%-30s n=%s p50 %s ms, p99 %s ms, p99.9 %s ms   (target %s)%n", what, l.get("count"),
                l.get("p50Ms"), l.get("p99Ms"), l.get("p999Ms"), target);
    }

    private static String ratio(Number ours, Number machine, String of) {
        if (ours == null || machine == null || machine.doubleValue() == 0) {
            return "";
        }
        return String.format(" = %.1f%% of %s", 100 * ours.doubleValue() / machine.doubleValue(), of);
    }
}
