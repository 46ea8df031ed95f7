package io.gridloop.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;

/** Grid workers reporting through intake's API: at a fixed rate (open model) or as fast as the loop drains. */
final class Intake implements AutoCloseable {

    /** Beyond this many unanswered requests the generator counts requests as shed instead of piling up. */
    static final int MAX_OUTSTANDING = 20_000;

    private final Stack stack;
    private final Reports reports;
    private final ExecutorService pool = Executors.newFixedThreadPool(8, r -> {
        Thread t = new Thread(r, "bench-http");
        t.setDaemon(true);
        return t;
    });
    private final HttpClient http;
    private final AtomicLong sequence = new AtomicLong();
    private final SplittableRandom random = new SplittableRandom(2026);

    Intake(Stack stack, String run) {
        this.stack = stack;
        this.reports = new Reports(run);
        this.http = HttpClient.newBuilder().executor(pool).connectTimeout(Duration.ofSeconds(5))
                .version(HttpClient.Version.HTTP_1_1).build();
    }

    /** What one phase of reporting achieved. */
    record Outcome(double offeredPerSecond, long sent, long accepted, long failed, long shed, double seconds,
                   Latency latency) {

        double acceptedPerSecond() {
            return seconds <= 0 ? 0 : accepted / seconds;
        }

        Map<String, Object> summary() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("offeredPerSecond", offeredPerSecond);
            m.put("sent", sent);
            m.put("accepted", accepted);
            m.put("failed", failed);
            m.put("shed", shed);
            m.put("seconds", Math.round(seconds * 10) / 10.0);
            m.put("acceptedPerSecond", Math.round(acceptedPerSecond() * 10) / 10.0);
            m.put("latency", latency.summary());
            return m;
        }
    }

    /** Open model: report {@code i} is sent at {@code start + i / rate}, answered or not. */
    Outcome atRate(double perSecond, Duration duration) {
        Latency latency = new Latency();
        AtomicLong accepted = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        AtomicLong outstanding = new AtomicLong();
        long shed = 0;
        long sent = 0;
        long start = System.nanoTime() + 20_000_000;
        long end = start + duration.toNanos();
        Pacer pacer = new Pacer(start, perSecond);
        for (long i = 0; ; i++) {
            long due = pacer.dueNanos(i);
            if (due >= end) {
                break;
            }
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            if (outstanding.get() >= MAX_OUTSTANDING) {
                shed++;
                continue;
            }
            outstanding.incrementAndGet();
            sent++;
            send().whenComplete((r, e) -> {
                latency.recordNanos(System.nanoTime() - due);
                if (r != null && r.statusCode() == 202) {
                    accepted.incrementAndGet();
                } else {
                    failed.incrementAndGet();
                }
                outstanding.decrementAndGet();
            });
        }
        drain(outstanding);
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Outcome(perSecond, sent, accepted.get(), failed.get(), shed, seconds, latency);
    }

    /**
     * As fast as the loop closes cases: a new report whenever fewer than {@code inFlight} reported cases are still
     * open ({@code closedSoFar} counts the closures seen), until {@code total} were reported.
     */
    Outcome asFastAsClosed(long total, int inFlight, LongSupplier closedSoFar) {
        Latency latency = new Latency();
        AtomicLong accepted = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        AtomicLong outstanding = new AtomicLong();
        Semaphore concurrency = new Semaphore(64);
        long closedAtStart = closedSoFar.getAsLong();
        long start = System.nanoTime();
        long sent = 0;
        while (sent < total) {
            if (accepted.get() - (closedSoFar.getAsLong() - closedAtStart) >= inFlight) {
                LockSupport.parkNanos(1_000_000);
                continue;
            }
            concurrency.acquireUninterruptibly();
            outstanding.incrementAndGet();
            long began = System.nanoTime();
            sent++;
            send().whenComplete((r, e) -> {
                latency.recordNanos(System.nanoTime() - began);
                if (r != null && r.statusCode() == 202) {
                    accepted.incrementAndGet();
                } else {
                    failed.incrementAndGet();
                }
                outstanding.decrementAndGet();
                concurrency.release();
            });
        }
        drain(outstanding);
        return new Outcome(0, sent, accepted.get(), failed.get(), 0, (System.nanoTime() - start) / 1e9, latency);
    }

    private java.util.concurrent.CompletableFuture<HttpResponse<Void>> send() {
        String body;
        synchronized (random) {
            body = reports.body(sequence.incrementAndGet(), random);
        }
        return http.sendAsync(HttpRequest.newBuilder(URI.create(stack.url(Stack.INTAKE, "/api/v1/events")))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .header("Authorization", stack.authorization())
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding());
    }

    private static void drain(AtomicLong outstanding) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (outstanding.get() > 0 && System.nanoTime() < deadline) {
            LockSupport.parkNanos(5_000_000);
        }
    }

    @Override
    public void close() {
        http.close();
        pool.shutdownNow();
    }
}
