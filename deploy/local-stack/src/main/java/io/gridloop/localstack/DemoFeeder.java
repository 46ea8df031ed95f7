package io.gridloop.localstack;

import io.gridloop.contracts.event.EventCategory;
import io.gridloop.hotline.simulator.HotlineSimulator;
import io.gridloop.infra.auth.ClientCredentials;
import io.gridloop.hotline.simulator.OrderFactory;
import io.gridloop.localstack.DemoData.DemoDistrict;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;

/**
 * Keeps the local stack alive with demo traffic: grid workers across the ten districts report through intake's
 * API — one report in eight arrives instead as a 12345 work order the hotline simulator pushes to the bridge — and
 * handlers accept, feed back and close most cases through dispatch's API a few seconds later, so the dashboard
 * shows numbers that move and the simulator receives status syncs. It talks HTTP only, like any other client,
 * signed in with client credentials as the realm's {@code demo-feeder} client.
 */
final class DemoFeeder implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DemoFeeder.class);
    private static final List<String> STEPS = List.of("accept", "feedback", "close");
    /** One case in twenty fails review (返工) and is fed back again before it closes. */
    private static final List<String> STEPS_WITH_REWORK = List.of("accept", "feedback", "rework", "feedback", "close");

    private final String intake;
    /** Where the next case action goes: one dispatch address, or a test's choice among several instances. */
    private final java.util.function.Supplier<String> dispatch;
    private final double reportsPerSecond;
    private final HotlineSimulator hotline;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final JsonMapper json = JsonMapper.builder().build();
    private final RandomGenerator random = RandomGenerator.of("L64X128MixRandom");
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "demo-feeder");
        t.setDaemon(true);
        return t;
    });
    private final PriorityQueue<PendingStep> pending = new PriorityQueue<>();
    private double credit;
    private long reported;
    private long actions;
    private volatile boolean paused;
    private volatile Accepted accepted = new Accepted() {
    };

    /** What was accepted, for a test that checks nothing accepted is lost. */
    interface Accepted {
        /** Intake answered 202 for this report. */
        default void report(String eventId) {
        }

        /** The bridge answered 202 for this 12345 order, and the case it opens has this id. */
        default void hotlineOrder(String orderNumber, String caseId) {
        }
    }

    /** The next action due on a case, and when. */
    private record PendingStep(Instant due, String caseId, List<String> steps, int step, int attempts)
            implements Comparable<PendingStep> {
        @Override
        public int compareTo(PendingStep o) {
            return due.compareTo(o.due);
        }
    }

    /** Signs the feeder in as the realm's demo client: a reporting channel that also acts for units (代办). */
    private final ClientCredentials credentials;

    DemoFeeder(String intakeBaseUrl, String dispatchBaseUrl, HotlineSimulator hotline, double reportsPerSecond,
               ClientCredentials credentials) {
        this(intakeBaseUrl, () -> dispatchBaseUrl, hotline, reportsPerSecond, credentials);
    }

    DemoFeeder(String intakeBaseUrl, java.util.function.Supplier<String> dispatchBaseUrl, HotlineSimulator hotline,
               double reportsPerSecond, ClientCredentials credentials) {
        this.credentials = credentials;
        this.hotline = hotline;
        this.intake = intakeBaseUrl;
        this.dispatch = dispatchBaseUrl;
        this.reportsPerSecond = reportsPerSecond;
    }

    DemoFeeder onAccepted(Accepted listener) {
        this.accepted = listener;
        return this;
    }

    /** Stops reporting and acting (pending steps wait) until {@link #resume()}: lets a test see a still system. */
    void pause() {
        paused = true;
    }

    void resume() {
        paused = false;
    }

    void start() {
        timer.scheduleWithFixedDelay(this::tick, 1, 200, TimeUnit.MILLISECONDS);
        timer.scheduleWithFixedDelay(() -> log.info("Demo feeder: {} reports, {} case actions so far",
                reported, actions), 60, 60, TimeUnit.SECONDS);
    }

    private void tick() {
        if (paused) {
            return;
        }
        try {
            credit += reportsPerSecond * 0.2;
            while (credit >= 1) {
                credit -= 1;
                report();
            }
            Instant now = Instant.now();
            while (!pending.isEmpty() && !pending.peek().due().isAfter(now)) {
                act(pending.poll());
            }
        } catch (RuntimeException e) {
            log.warn("Demo feeder hiccup: {}", e.toString());
        }
    }

    private void report() {
        if (hotline != null && random.nextInt(8) == 0) {
            hotlineOrder();
            return;
        }
        DemoDistrict district = DemoData.DISTRICTS.get(random.nextInt(DemoData.DISTRICTS.size()));
        EventCategory category = DemoData.category(random);
        DemoData.DemoGrid demoGrid = DemoData.grid(district, random);
        DemoData.Sample sample = DemoData.sample(category, random);
        List<String> steps = random.nextDouble() < district.closingShare()
                ? random.nextDouble() < 0.05 ? STEPS_WITH_REWORK : STEPS : List.of();
        DemoWork.Left left = DemoWork.leftFor(district, random);
        if (left != null) {
            demoGrid = left.grid() != null ? left.grid() : demoGrid;
            sample = left.sample() != null ? left.sample() : sample;
            category = left.sample() != null ? left.category() : category;
            steps = left.steps();
        }
        String grid = demoGrid.code();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("clientEventId", UUID.randomUUID().toString());
        body.put("source", DemoData.source(random).name());
        body.put("category", category.name());
        body.put("subCategory", sample.subCategory());
        body.put("gridCode", grid);
        body.put("description", sample.description());
        // Within a few hundred metres of the grid's centre: intake checks positions against the registry.
        // Within about 50 m of the grid's centre: inside its outline, as a worker standing in the grid reports.
        body.put("location", Map.of("latitude", demoGrid.latitude() + (random.nextDouble() - 0.5) * 0.001,
                "longitude", demoGrid.longitude() + (random.nextDouble() - 0.5) * 0.001));
        body.put("occurredAt", Instant.now().minusSeconds(random.nextInt(1800)).toString());
        body.put("reporterId", DemoWork.reporterOf(grid));
        HttpResponse<String> answer = post(intake + "/api/v1/events", json.writeValueAsString(body));
        if (answer == null || answer.statusCode() != 202) {
            return;
        }
        reported++;
        String eventId = json.readTree(answer.body()).get("eventId").asString();
        accepted.report(eventId);
        if (!steps.isEmpty()) {
            schedule(eventId, steps, 0);
        }
    }

    private final OrderFactory hotlineOrders = new OrderFactory(DemoData.GRIDS.values().stream()
            .flatMap(List::stream).map(DemoData.DemoGrid::code).toList(), System.nanoTime(), "D");

    private void hotlineOrder() {
        HotlineSimulator.Delivery pushed = hotline.pushOrder(hotlineOrders.next(Instant.now()));
        if (!pushed.accepted()) {
            return;
        }
        reported++;
        String caseId = json.readTree(pushed.body()).get("caseId").asString();
        accepted.hotlineOrder(json.readTree(pushed.body()).get("orderNumber").asString(), caseId);
        if (random.nextDouble() < 0.9) {
            schedule(caseId, STEPS, 0);
        }
    }

    private void act(PendingStep step) {
        HttpResponse<String> answer = post(dispatch.get() + "/api/v1/cases/" + step.caseId() + "/actions/"
                + step.steps().get(step.step()), "{\"comment\":\"演示数据\"}");
        if (answer == null || answer.statusCode() == 404 || answer.statusCode() >= 500) {
            // Not opened yet, or a service is busy: try again a little later, but not forever.
            if (step.attempts() < 20) {
                pending.add(new PendingStep(Instant.now().plusSeconds(2), step.caseId(), step.steps(), step.step(),
                        step.attempts() + 1));
            }
            return;
        }
        actions++;
        if (answer.statusCode() == 200 && step.step() + 1 < step.steps().size()) {
            schedule(step.caseId(), step.steps(), step.step() + 1);
        }
    }

    private void schedule(String caseId, List<String> steps, int step) {
        pending.add(new PendingStep(Instant.now().plusMillis(2_000 + random.nextInt(10_000)), caseId, steps, step, 0));
    }

    private HttpResponse<String> post(String url, String body) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url))
                            .timeout(Duration.ofSeconds(15))
                            .header("Content-Type", "application/json")
                            .header("Authorization", credentials.authorization())
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (java.io.IOException e) {
            return null;
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
