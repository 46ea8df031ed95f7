package io.gridloop.bench;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.Year;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Close → 办结率 visible: polls stats' district table and the metrics service's Prometheus gauges every 200 ms and,
 * as the closed count grows past what it was at the start, charges each closure (in the order the loop saw
 * them) the time from its {@code occurredAt} until the count covered it.
 */
final class Visibility implements AutoCloseable {

    final Latency viaStats = new Latency();
    final Latency viaPrometheus = new Latency();

    private final Stack stack;
    private final Loop loop;
    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();
    private final List<Instant> closures = new ArrayList<>();
    private final long statsBase;
    private final long promBase;
    private int statsSeen;
    private int promSeen;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread poller;

    Visibility(Stack stack, Loop loop) {
        this.stack = stack;
        this.loop = loop;
        this.statsBase = statsClosed();
        this.promBase = promClosed();
        this.poller = new Thread(this::poll, "bench-visibility");
        poller.setDaemon(true);
        poller.start();
    }

    private void poll() {
        while (running.get()) {
            for (Instant c; (c = loop.closures.poll()) != null; ) {
                closures.add(c);
            }
            long s = statsClosed() - statsBase;
            Instant now = Instant.now();
            while (statsSeen < closures.size() && statsSeen < s) {
                viaStats.recordMillis(Duration.between(closures.get(statsSeen++), now).toMillis());
            }
            long p = promClosed() - promBase;
            now = Instant.now();
            while (promSeen < closures.size() && promSeen < p) {
                viaPrometheus.recordMillis(Duration.between(closures.get(promSeen++), now).toMillis());
            }
            try {
                Thread.sleep(200); // the polling period: the resolution of both measurements
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** The year's closed count over all districts, as stats answers it. */
    long statsClosed() {
        String year = String.valueOf(Year.now(ZoneId.of("Asia/Shanghai")).getValue());
        JsonNode table = get(stack.url(Stack.STATS, "/api/v1/stats/completion?level=district&period=" + year))
                .map(json::readTree).orElse(null);
        long closed = 0;
        if (table != null && table.has("rows")) {
            for (JsonNode row : table.get("rows")) {
                closed += row.path("counts").path("closed").asLong();
            }
        }
        return closed;
    }

    /** The sum of {@code gridloop_events_closed} over districts on the metrics service. */
    long promClosed() {
        return get(stack.url(Stack.METRICS, "/actuator/prometheus")).map(text -> text.lines()
                .filter(l -> l.startsWith("gridloop_events_closed{"))
                .mapToLong(l -> (long) Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum()).orElse(0L);
    }

    private java.util.Optional<String> get(String url) {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5))
                    .header("Authorization", stack.authorization()).build(), HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 ? java.util.Optional.of(r.body()) : java.util.Optional.empty();
        } catch (java.io.IOException e) {
            return java.util.Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return java.util.Optional.empty();
        }
    }

    @Override
    public void close() {
        running.set(false);
        poller.interrupt();
    }
}
