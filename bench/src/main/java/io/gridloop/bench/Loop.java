package io.gridloop.bench;

import io.gridloop.contracts.event.CaseAction;
import io.gridloop.contracts.EventCodec;
import io.gridloop.contracts.Topics;
import io.gridloop.contracts.event.CaseTransitioned;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Watches the closed loop from outside, as a reader of {@code grid.case.transitioned.v1}, and — when bots are on —
 * plays the handling units: a routed case is accepted, fed back, reviewed (5% fail review and go to rework) and
 * closed through dispatch's HTTP API, each step as soon as the step before it is seen on Kafka.
 *
 * <p>Latencies come from the transitions' own times: report → routed is the route's {@code occurredAt} minus the
 * case's {@code reportedAt}; the full lifecycle is the closure's. Closures are queued for {@link Visibility}.
 */
final class Loop implements AutoCloseable {

    final Latency reportToRouted = new Latency();
    final Latency lifecycle = new Latency();
    final AtomicLong routed = new AtomicLong();
    final AtomicLong closed = new AtomicLong();
    final AtomicLong reworked = new AtomicLong();
    final AtomicLong botErrors = new AtomicLong();
    final ConcurrentLinkedQueue<Instant> closures = new ConcurrentLinkedQueue<>();

    private final Stack stack;
    private final EventCodec codec = new EventCodec();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ExecutorService bots = Executors.newFixedThreadPool(24, r -> {
        Thread t = new Thread(r, "bench-bot");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean botsOn = new AtomicBoolean();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread reader;
    private final AtomicBoolean assigned = new AtomicBoolean();

    Loop(Stack stack) {
        this.stack = stack;
        this.reader = new Thread(this::read, "bench-loop-reader");
        reader.setDaemon(true);
        reader.start();
    }

    void bots(boolean on) {
        botsOn.set(on);
    }

    boolean ready() {
        return assigned.get();
    }

    private void read() {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                "bootstrap.servers", stack.kafka(), "group.id", "bench-" + UUID.randomUUID(),
                "auto.offset.reset", "latest", "enable.auto.commit", "false",
                "fetch.max.wait.ms", "20", "max.poll.records", "2000"),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.CASE_TRANSITIONED.name()));
            while (running.get()) {
                var records = consumer.poll(Duration.ofMillis(100));
                if (!consumer.assignment().isEmpty()) {
                    assigned.set(true);
                }
                for (ConsumerRecord<String, byte[]> r : records) {
                    on(codec.decode(Topics.CASE_TRANSITIONED, r.value()).data());
                }
            }
        }
    }

    private void on(CaseTransitioned t) {
        switch (t.action()) {
            case ROUTE -> {
                if (t.sequence() == 2) {
                    routed.incrementAndGet();
                    reportToRouted.recordMillis(Duration.between(t.reportedAt(), t.occurredAt()).toMillis());
                }
                act(t.caseId(), CaseAction.ACCEPT, null);
            }
            case ACCEPT -> act(t.caseId(), CaseAction.FEEDBACK, "已处理完毕");
            case FEEDBACK -> {
                if (ThreadLocalRandom.current().nextDouble() < 0.05) {
                    reworked.incrementAndGet();
                    act(t.caseId(), CaseAction.REWORK, "复核不通过，请重新处理");
                } else {
                    act(t.caseId(), CaseAction.CLOSE, null);
                }
            }
            case REWORK -> act(t.caseId(), CaseAction.FEEDBACK, "已重新处理");
            case CLOSE -> {
                closed.incrementAndGet();
                lifecycle.recordMillis(Duration.between(t.reportedAt(), t.occurredAt()).toMillis());
                closures.add(t.occurredAt());
            }
            default -> {
            }
        }
    }

    private void act(String caseId, CaseAction action, String comment) {
        if (!botsOn.get()) {
            return;
        }
        // Who acts comes from the token: the bench client acts for the units as the dispatch centre (代办).
        String body = comment == null ? "{}" : "{\"comment\":\"" + comment + "\"}";
        bots.execute(() -> {
            for (int attempt = 0; attempt < 5; attempt++) {
                try {
                    HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(stack.url(Stack.DISPATCH,
                                    "/api/v1/cases/" + caseId + "/actions/" + action.wireName())))
                            .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                            .header("Authorization", stack.authorization())
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding());
                    if (r.statusCode() == 200 || r.statusCode() == 409) {
                        return;
                    }
                } catch (java.io.IOException e) {
                    // retried below
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            botErrors.incrementAndGet();
        });
    }

    @Override
    public void close() {
        running.set(false);
        bots.shutdownNow();
    }
}
