package io.gridloop.localstack;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The alert rules shipped beside the Grafana dashboard ({@code deploy/prometheus/alerts.yml}) are valid, each fires
 * on what it names and stays quiet otherwise ({@code alerts.test.yml}, run by Debian's {@code promtool}, which
 * {@code deploy/test.sh} installs), and every metric they read is one the services export.
 */
class AlertRulesTest {

    private static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();
    private static final Path RULES = ROOT.resolve("deploy/prometheus");
    /** Metrics of libraries rather than of gridloop's sources; {@code TokenTest} scrapes them from intake. */
    private static final Set<String> LIBRARY_METRICS = Set.of("kafka_consumer_fetch_manager_records_lag_max");
    /** Prometheus's suffixes for counters, timers and units of the Micrometer names. */
    private static final Pattern SUFFIX = Pattern.compile("_(total|seconds|max|count|sum|bucket)$");

    @Test
    void shouldPassPromtoolsCheckAndTheRulesOwnUnitTests() throws Exception {
        assertThat(promtool("check", "rules", "alerts.yml")).contains("SUCCESS: 10 rules found");
        assertThat(promtool("test", "rules", "alerts.test.yml")).contains("SUCCESS");
    }

    @Test
    void shouldAlertOnWhatTheOperationsGuidePromises() throws IOException {
        Map<String, String> alerts = alerts();
        assertThat(alerts).containsOnlyKeys("GridloopConsumerLagGrowing", "GridloopDeadLetters",
                "GridloopHotlineDeadLetters", "GridloopHotlineOutboxStale", "GridloopCaseOutboxStuck",
                "GridloopLeaseNotHeld", "GridloopDeadlineWatchNotRunning", "GridloopHolidayCalendarMissing",
                "GridloopOverdueSurge", "GridloopCompletionRateDrop");
        String tests = Files.readString(RULES.resolve("alerts.test.yml"));
        assertThat(alerts.keySet()).as("every alert has a unit test").allSatisfy(name ->
                assertThat(tests).contains("alertname: " + name));
    }

    @Test
    void shouldReadOnlyMetricsTheServicesExport() throws IOException {
        Set<String> exported = exportedMetrics();
        assertThat(exported).contains("gridloop_lease_held", "gridloop_kafka_dead_letters",
                "gridloop_dispatch_calendar_years_missing");
        Set<String> read = new TreeSet<>();
        for (String expr : alerts().values()) {
            Pattern.compile("\\b(gridloop|kafka)_[a-z_]+").matcher(expr).results().forEach(m -> read.add(m.group()));
        }
        assertThat(read).hasSizeGreaterThan(8).allSatisfy(metric -> assertThat(
                LIBRARY_METRICS.contains(metric) || exported.contains(metric)
                        || exported.contains(SUFFIX.matcher(metric).replaceFirst("")))
                .as("%s is exported", metric).isTrue());
    }

    @Test
    void shouldLoadTheRulesWhereverPrometheusRuns() throws IOException {
        assertThat(Files.readString(RULES.resolve("prometheus.yml"))).contains("rule_files:", "- alerts.yml");
        assertThat(Files.readString(ROOT.resolve("docker-compose.yml")))
                .contains("./deploy/prometheus/alerts.yml:/etc/prometheus/alerts.yml:ro");
    }

    /** Alert name → expression. */
    @SuppressWarnings("unchecked")
    private static Map<String, String> alerts() throws IOException {
        Map<String, Object> file = new Yaml().load(Files.readString(RULES.resolve("alerts.yml")));
        return ((List<Map<String, Object>>) file.get("groups")).stream()
                .flatMap(g -> ((List<Map<String, Object>>) g.get("rules")).stream())
                .collect(Collectors.toMap(r -> (String) r.get("alert"), r -> (String) r.get("expr")));
    }

    /** The Prometheus names of the meters gridloop's sources register (before suffixes). */
    private static Set<String> exportedMetrics() throws IOException {
        Pattern meter = Pattern.compile("\"(gridloop\\.[a-z]+(?:\\.[a-z]+)+)\"");
        Set<String> names = new TreeSet<>();
        try (Stream<Path> files = Stream.concat(Files.walk(ROOT.resolve("services")),
                Files.walk(ROOT.resolve("platform")))) {
            for (Path f : files.filter(p -> p.toString().contains("/src/main/java/")
                    && p.toString().endsWith(".java")).toList()) {
                meter.matcher(Files.readString(f)).results()
                        .forEach(m -> names.add(m.group(1).replace('.', '_')));
            }
        }
        return names;
    }

    private static String promtool(String... args) throws Exception {
        Path promtool = Stream.of("/usr/bin/promtool", "/usr/local/bin/promtool").map(Path::of)
                .filter(Files::isExecutable).findFirst().orElseThrow(() -> new AssertionError(
                        "promtool is missing: deploy/test.sh installs Debian's prometheus package"));
        Process p = new ProcessBuilder(Stream.concat(Stream.of(promtool.toString()), Stream.of(args)).toList())
                .directory(RULES.toFile()).redirectErrorStream(true).start();
        assertThat(p.waitFor(2, TimeUnit.MINUTES)).as("promtool finished").isTrue();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }
}
