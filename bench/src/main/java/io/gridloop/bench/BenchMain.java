package io.gridloop.bench;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The benchmark: starts the local stack in its own JVM (or uses one already running), measures this machine's
 * raw Kafka and MongoDB-wire rates, then drives the services through their APIs and measures what the issue asks
 * for. Writes {@code <out>/bench-<time>.json} and prints a summary. See BENCHMARKS.md.
 */
public final class BenchMain {

    private BenchMain() {
    }

    record Options(List<String> phases, Double rate, Duration duration, List<Double> capacityRates, Duration step,
                   long cases, int inFlight, boolean spawn, String host, Path stackJar, String stackHeap,
                   boolean jfr, Path out, List<String> stackArgs, List<String> stackJvm) {

        static Options parse(String[] args) {
            Map<String, String> a = new LinkedHashMap<>();
            for (String arg : args) {
                if (!arg.startsWith("--")) {
                    throw new IllegalArgumentException("unknown argument " + arg);
                }
                int eq = arg.indexOf('=');
                a.put(eq < 0 ? arg.substring(2) : arg.substring(2, eq), eq < 0 ? "true" : arg.substring(eq + 1));
            }
            return new Options(
                    List.of(a.getOrDefault("phases", "baselines,capacity,latency,district-year,pages").split(",")),
                    a.containsKey("rate") ? Double.valueOf(a.get("rate")) : null,
                    Duration.ofSeconds(Long.parseLong(a.getOrDefault("duration", "60"))),
                    Arrays.stream(a.getOrDefault("capacity-rates", "10,20,40,80,160,320,640,1280,2000").split(","))
                            .map(Double::parseDouble).toList(),
                    Duration.ofSeconds(Long.parseLong(a.getOrDefault("step", "20"))),
                    Long.parseLong(a.getOrDefault("cases", "440000")),
                    Integer.parseInt(a.getOrDefault("in-flight", "500")),
                    !"external".equals(a.getOrDefault("stack", "spawn")),
                    a.getOrDefault("host", "localhost"),
                    Path.of(a.getOrDefault("stack-jar", "deploy/local-stack/target/gridloop-local-stack-0.1.0-SNAPSHOT-exec.jar")),
                    a.getOrDefault("stack-heap", "1g"),
                    Boolean.parseBoolean(a.getOrDefault("jfr", "false")),
                    Path.of(a.getOrDefault("out", "bench/results")),
                    a.containsKey("stack-args") ? List.of(a.get("stack-args").split(" ")) : List.of(),
                    a.containsKey("stack-jvm") ? List.of(a.get("stack-jvm").split(" ")) : List.of());
        }
    }

    public static void main(String[] args) throws Exception {
        Options o = Options.parse(args);
        Files.createDirectories(o.out());
        String stamp = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(Instant.now());
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("startedAt", Instant.now().toString());
        result.put("machine", machine());
        result.put("options", Map.of("phases", o.phases(), "rate", o.rate() == null ? "auto" : o.rate(), "durationSeconds",
                o.duration().toSeconds(), "capacityRates", o.capacityRates(), "stepSeconds", o.step().toSeconds(),
                "cases", o.cases(), "inFlight", o.inFlight(), "stackHeap", o.stackHeap(),
                "stackArgs", o.stackArgs(), "stackJvm", o.stackJvm()));
        Process process = null;
        Path data = o.spawn() ? Files.createTempDirectory("gridloop-bench-") : null;
        try {
            long pid = 0;
            if (o.spawn()) {
                process = spawn(o, stamp, data);
                pid = process.pid();
            }
            Stack stack = new Stack(o.host(), pid);
            say("waiting for the stack…");
            stack.awaitReady(Duration.ofMinutes(3));
            // What the stack costs doing nothing (consumers polling, scheduled work) — once its start-up work has
            // been read by every service, or the window measures the registry import instead.
            drain(stack);
            ProcStats idle = stack.usage();
            Thread.sleep(10_000); // the measurement window itself
            result.put("stackIdle", usage(idle, stack.usage(), 10));
            run(o, stack, result, stamp, data);
        } finally {
            if (process != null) {
                process.destroy();
                process.waitFor();
            }
        }
        if (data != null && result.get("districtYear") instanceof Map<?, ?> year) {
            // The store as the stopped stack left it, then as a restart compacts it, collection by collection.
            result.put("store", StoreReport.of(data.resolve("mongo"), ((Number) year.get("closed")).longValue()));
        }
        result.put("finishedAt", Instant.now().toString());
        Path file = o.out().resolve("bench-" + stamp + ".json");
        Files.writeString(file, JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build()
                .writeValueAsString(result));
        System.out.println(Summary.of(result));
        say("results written to " + file);
    }

    /** @param data the spawned stack's data directory; null for an external stack */
    private static void run(Options o, Stack stack, Map<String, Object> result, String stamp, Path data)
            throws Exception {
        if (o.phases().contains("baselines")) {
            say("baselines: raw Kafka produce + consume, raw MongoDB-wire inserts, the stack's CPU per crossing");
            Map<String, Object> baselines = new LinkedHashMap<>();
            baselines.put("kafka", Baselines.kafka(stack, 200_000));
            baselines.put("mongo", Baselines.mongo(stack, 5_000, 50_000));
            baselines.put("unitCosts", Baselines.unitCosts(stack, 4_000));
            result.put("baselines", baselines);
        }
        try (Loop loop = new Loop(stack); Intake intake = new Intake(stack, "bench-" + stamp)) {
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!loop.ready() && System.nanoTime() < deadline) {
                Thread.sleep(100); // until the loop's consumer has its partitions, or it misses the first cases
            }
            double sustained = 0;
            if (o.phases().contains("capacity")) {
                say("capacity: intake alone at " + o.capacityRates() + " reports/s, " + o.step().toSeconds() + " s each");
                List<Map<String, Object>> steps = new ArrayList<>();
                for (double rate : o.capacityRates()) {
                    drain(stack);
                    ProcStats before = stack.usage();
                    Intake.Outcome outcome = intake.atRate(rate, o.step());
                    Map<String, Object> step = outcome.summary();
                    step.put("stack", usage(before, stack.usage(), outcome.seconds()));
                    double p99 = outcome.latency().snapshot().getValueAtPercentile(99) / 1000.0;
                    boolean kept = outcome.failed() == 0 && outcome.shed() == 0 && p99 <= 1_000
                            && outcome.acceptedPerSecond() >= 0.95 * rate;
                    step.put("sustained", kept);
                    steps.add(step);
                    say("  " + rate + "/s → " + Math.round(outcome.acceptedPerSecond()) + "/s accepted, p99 "
                            + p99 + " ms" + (kept ? "" : " — not sustained"));
                    if (!kept) {
                        break;
                    }
                    sustained = rate;
                }
                result.put("capacity", Map.of("steps", steps, "highestSustainedPerSecond", sustained));
            }
            if (o.phases().contains("latency")) {
                // Latency means something only below saturation: by default at 70% of what intake sustained.
                double rate = o.rate() != null ? o.rate() : Math.max(1, 0.7 * (sustained > 0 ? sustained : 10));
                drain(stack);
                say("latency: " + rate + " reports/s for " + o.duration().toSeconds() + " s, bots handling");
                loop.bots(true);
                try (Visibility visible = new Visibility(stack, loop)) {
                    ProcStats before = stack.usage();
                    long closedBefore = loop.closed.get();
                    long t0 = System.nanoTime();
                    Intake.Outcome outcome = intake.atRate(rate, o.duration());
                    long reportingDone = System.nanoTime();
                    // Let the loop finish the cases of the phase, then count what it closed in the time taken.
                    drain(stack);
                    awaitQuiet(loop, Duration.ofSeconds(120));
                    double seconds = (System.nanoTime() - t0) / 1e9;
                    // A loop that keeps up closes the last cases moments after the last report; one that took
                    // much longer was queueing, and its latencies measure the queue.
                    double tail = (System.nanoTime() - reportingDone) / 1e9;
                    boolean keptUp = tail <= Math.max(10, 0.2 * o.duration().toSeconds());
                    ProcStats after = stack.usage();
                    Map<String, Object> phase = new LinkedHashMap<>();
                    phase.put("intake", outcome.summary());
                    phase.put("reportToRouted", loop.reportToRouted.summary());
                    phase.put("closeVisibleInStatsApi", visible.viaStats.summary());
                    phase.put("closeVisibleInPrometheus", visible.viaPrometheus.summary());
                    phase.put("lifecycle", loop.lifecycle.summary());
                    long closed = loop.closed.get() - closedBefore;
                    phase.put("casesClosed", closed);
                    phase.put("reworked", loop.reworked.get());
                    phase.put("botErrors", loop.botErrors.get());
                    phase.put("fullLoopCasesPerSecond", Math.round(closed / seconds * 10) / 10.0);
                    phase.put("loopKeptUp", keptUp);
                    phase.put("secondsToFinishAfterLastReport", Math.round(tail * 10) / 10.0);
                    phase.put("stack", usage(before, after, seconds));
                    result.put("latency", phase);
                }
                loop.bots(false);
            }
            if (o.phases().contains("district-year")) {
                drain(stack);
                say("district year: " + o.cases() + " cases through the whole loop, at most " + o.inFlight()
                        + " open at once");
                loop.bots(true);
                ProcStats before = stack.usage();
                ThreadCpu threadsBefore = ThreadCpu.of(stack.pid());
                Crossings crossingsBefore = Crossings.read(stack);
                long closedBefore = loop.closed.get();
                long t0 = System.nanoTime();
                // Samples every half minute: the progress line, and the second half's figures once JIT warm-up is past.
                List<Window> windows = new java.util.concurrent.CopyOnWriteArrayList<>();
                windows.add(new Window(0, 0, before, threadsBefore));
                Thread progress = Thread.ofVirtual().start(() -> {
                    try {
                        while (true) {
                            Thread.sleep(30_000); // a progress line every half minute of a long run
                            Window w = new Window(loop.closed.get() - closedBefore, (System.nanoTime() - t0) / 1e9,
                                    stack.usage(), ThreadCpu.of(stack.pid()));
                            say("  " + w.closed() + " closed, " + w.since(windows.getLast()) + ", RSS "
                                    + w.usage().rssBytes() / (1 << 20) + " MiB");
                            windows.add(w);
                        }
                    } catch (InterruptedException e) {
                        // done
                    }
                });
                Intake.Outcome outcome = intake.asFastAsClosed(o.cases(), o.inFlight(), loop.closed::get);
                long wanted = closedBefore + outcome.accepted();
                long giveUp = System.nanoTime() + Duration.ofMinutes(10).toNanos();
                while (loop.closed.get() < wanted && System.nanoTime() < giveUp) {
                    Thread.sleep(200); // until the loop has seen the last closure (or gives up)
                }
                progress.interrupt();
                double seconds = (System.nanoTime() - t0) / 1e9;
                Window end = new Window(loop.closed.get() - closedBefore, seconds, stack.usage(),
                        ThreadCpu.of(stack.pid()));
                Map<String, Object> phase = new LinkedHashMap<>();
                phase.put("cases", o.cases());
                phase.put("reported", outcome.accepted());
                phase.put("closed", end.closed());
                phase.put("wallSeconds", Math.round(seconds));
                phase.put("casesPerSecond", Math.round(end.closed() / seconds * 10) / 10.0);
                phase.put("intake", outcome.summary());
                phase.put("stack", usage(before, end.usage(), seconds));
                phase.put("stackCpuMsPerCaseByRole", end.threads().perCase(threadsBefore, end.closed()));
                phase.put("crossingsPerCase", Crossings.read(stack).perCase(crossingsBefore, end.closed()));
                Window half = windows.stream().filter(w -> w.closed() >= end.closed() / 2).findFirst().orElse(null);
                if (half != null && end.closed() > half.closed()) {
                    phase.put("secondHalf", end.figures(half));
                }
                result.put("districtYear", phase);
                loop.bots(false);
            }
            if (o.phases().contains("seed-year")) {
                say("seed-year: " + o.cases() + " closed cases of " + Pages.DISTRICT
                        + " over the last 365 days, written straight into dispatch's collections");
                result.put("seedYear", SeedYear.seed(stack, Pages.DISTRICT, (int) o.cases()));
            }
            if (o.phases().contains("pages")) {
                drain(stack);
                say("pages: what an operator of " + Pages.DISTRICT + " asks, one request after another");
                result.put("pages", new Pages(stack).measure(200));
            }
        }
    }

    private static void drain(Stack stack) throws Exception {
        long left = Drain.await(stack, Duration.ofMinutes(10));
        if (left > 0) {
            say("  (the services still had " + left + " records to read after 10 minutes)");
        }
    }

    /** Waits until the loop has seen no closure for two seconds (or the patience runs out). */
    private static void awaitQuiet(Loop loop, Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        long last = -1;
        while (System.nanoTime() < deadline) {
            long now = loop.closed.get();
            if (now == last) {
                return;
            }
            last = now;
            Thread.sleep(2_000); // the quiet period itself
        }
    }

    private static Process spawn(Options o, String stamp, Path data) throws IOException {
        if (!Files.exists(o.stackJar())) {
            throw new IllegalStateException(o.stackJar() + " is missing: build it first (bench/run.sh does)");
        }
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-Xms256m", "-Xmx" + o.stackHeap(), "-XX:+ExitOnOutOfMemoryError",
                "--sun-misc-unsafe-memory-access=allow"));
        command.addAll(o.stackJvm());
        if (o.jfr()) {
            command.add("-XX:StartFlightRecording=filename=" + o.out().resolve("stack-" + stamp + ".jfr")
                    .toAbsolutePath() + ",settings=profile");
        }
        command.addAll(List.of("-jar", o.stackJar().toString(), "--no-demo", "--data-dir=" + data));
        command.addAll(o.stackArgs());
        say("starting the local stack: " + String.join(" ", command));
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(o.out().resolve("stack-" + stamp + ".log").toFile()).start();
    }

    private static Map<String, Object> usage(ProcStats before, ProcStats after, double seconds) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cpuCoresBusy", Math.round(ProcStats.coresBusy(before, after, seconds) * 100) / 100.0);
        m.put("rssMiB", after.rssBytes() / (1 << 20));
        return m;
    }

    private static Map<String, Object> machine() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cores", Runtime.getRuntime().availableProcessors());
        m.put("memoryMiB", ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getTotalMemorySize() / (1 << 20));
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        m.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        try {
            m.put("cpu", Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(l -> l.startsWith("model name")).findFirst().map(l -> l.substring(l.indexOf(':') + 2))
                    .orElse("?"));
        } catch (IOException e) {
            m.put("cpu", "?");
        }
        return m;
    }

    static void say(String line) {
        System.out.println("[bench " + java.time.LocalTime.now().withNano(0) + "] " + line);
    }

    /** The district-year phase at one moment: cases closed since its start, seconds since, the stack's CPU. */
    private record Window(long closed, double seconds, ProcStats usage, ThreadCpu threads) {

        /** Rate and CPU per case since {@code earlier}, with and without the JIT compiler's share. */
        Map<String, Object> figures(Window earlier) {
            long cases = closed - earlier.closed;
            double wall = seconds - earlier.seconds;
            double cpu = usage.cpuSeconds() - earlier.usage.cpuSeconds();
            double jit = threads.since(earlier.threads).getOrDefault("JIT compiler", 0.0);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("cases", cases);
            m.put("casesPerSecond", wall <= 0 ? 0 : Math.round(cases / wall * 10) / 10.0);
            m.put("cpuMsPerCase", cases == 0 ? 0 : Math.round(cpu * 1000 / cases * 10) / 10.0);
            m.put("cpuMsPerCaseWithoutJit", cases == 0 ? 0 : Math.round((cpu - jit) * 1000 / cases * 10) / 10.0);
            return m;
        }

        String since(Window earlier) {
            Map<String, Object> f = figures(earlier);
            return f.get("casesPerSecond") + " cases/s, " + f.get("cpuMsPerCase") + " ms CPU per case ("
                    + f.get("cpuMsPerCaseWithoutJit") + " without the JIT compiler)";
        }
    }
}
