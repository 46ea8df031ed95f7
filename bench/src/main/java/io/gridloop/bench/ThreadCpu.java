package io.gridloop.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The stack's CPU time by what its threads do, from Linux's /proc/&lt;pid&gt;/task (empty elsewhere). A short run
 * spends a good part of its CPU in the JIT compiler — five services, a broker and a database in one JVM are a lot
 * of code to compile — which a district's year of cases pays once; this split lets a reader tell that warm-up from
 * the per-case work. Threads that ended between two samples are missing from the later one, so the roles add up to
 * a little less than the process's own figure.
 */
record ThreadCpu(Map<String, Double> secondsByRole) {

    static ThreadCpu of(long pid) {
        Map<String, Double> seconds = new TreeMap<>();
        if (pid <= 0) {
            return new ThreadCpu(seconds);
        }
        try (Stream<Path> tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
            for (Path task : tasks.toList()) {
                try {
                    String name = Files.readString(task.resolve("comm")).strip();
                    seconds.merge(role(name), ProcStats.cpuSeconds(Files.readString(task.resolve("stat"))),
                            Double::sum);
                } catch (IOException | RuntimeException threadEnded) {
                    // gone between listing and reading: its time is lost to both samples alike
                }
            }
        } catch (IOException | RuntimeException notLinux) {
            seconds.clear();
        }
        return new ThreadCpu(seconds);
    }

    /** What a thread of the local stack does, by the name the JVM or its library gives it. */
    static String role(String threadName) {
        String n = threadName.toLowerCase();
        if (n.contains("compilerthre")) {
            return "JIT compiler";
        }
        if (n.startsWith("gc ") || n.matches("g\\d conc.*|g\\d refine.*|g\\d main.*|g\\d service.*|vm thread")) {
            return "garbage collector";
        }
        if (n.startsWith("forkjoinpool") || n.startsWith("http-nio") || n.startsWith("virtualthread")) {
            // The services run requests, Kafka listeners and schedules on virtual threads, whose carriers these are.
            return "services (virtual threads: HTTP, listeners, schedules)";
        }
        if (n.startsWith("mongo-server") || n.startsWith("h2-") || n.startsWith("mvstore")) {
            return "MongoDB-wire server";
        }
        if (n.startsWith("stats-")) {
            return "statistics counting (Kafka Streams)";
        }
        if (n.startsWith("rocksdb")) {
            return "statistics counting (RocksDB)";
        }
        if (n.startsWith("kafka-producer") || n.startsWith("kafka-coordinat")) {
            return "Kafka clients";
        }
        if (n.startsWith("data-plane") || n.startsWith("group-coordinat") || n.contains("raft") || n.startsWith("kafka-")
                || n.startsWith("addpartitionsto") || n.startsWith("txnmarker") || n.startsWith("expirationreape")
                || n.startsWith("executor-") || n.startsWith("quorum") || n.startsWith("broker-")
                || n.startsWith("share-coordinat")) {
            return "Kafka broker";
        }
        return "other";
    }

    /** Seconds of CPU per role between {@code before} and this sample, largest first. */
    Map<String, Double> since(ThreadCpu before) {
        Map<String, Double> diff = new TreeMap<>();
        secondsByRole.forEach((role, s) -> diff.put(role, s - before.secondsByRole.getOrDefault(role, 0.0)));
        Map<String, Double> sorted = new LinkedHashMap<>();
        diff.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }

    /** Milliseconds of CPU per closed case, per role, between {@code before} and this sample. */
    Map<String, Double> perCase(ThreadCpu before, long cases) {
        Map<String, Double> ms = new LinkedHashMap<>();
        since(before).forEach((role, s) -> ms.put(role, cases == 0 ? 0 : Math.round(s * 1000 / cases * 10) / 10.0));
        return ms;
    }
}
