package io.gridloop.hotline.outbox;

import io.gridloop.platform.lease.Leases;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.ratelimiter.RequestNotPermitted;
import io.gridloop.contracts.hotline.EscalationReceipt;
import io.gridloop.contracts.hotline.StatusSync;
import io.gridloop.hotline.HotlineSettings;
import io.gridloop.hotline.client.HotlineClient;
import io.gridloop.hotline.client.HotlineRejectedException;
import io.gridloop.hotline.order.CaseLink;
import io.gridloop.hotline.order.OrderBook;
import io.gridloop.hotline.order.Origin;
import io.gridloop.hotline.order.StoredOrder;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Delivers the outbox to the 12345 platform: each work order's messages strictly one after the other in
 * sequence order, several orders at once. A message that fails waits (exponential backoff with jitter) and
 * blocks the messages behind it — a later step never overtakes an earlier one. After {@code maxAttempts} failed
 * deliveries, or at once when the hotline refuses the content (4xx), it is parked as a dead letter; the order's
 * later messages wait behind it until someone retries it ({@code POST /api/v1/hotline/outbox/dead-letters/{id}/retry}).
 * Calls the client did not make — circuit open, quota used up, bulkhead full — are not failures of the message and
 * count no attempt.
 */
@Component
class HotlineDelivery implements DisposableBean, SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(HotlineDelivery.class);

    enum Result { DELIVERED, NOT_ATTEMPTED, FAILED, PARKED }

    /** What the last pass saw, for the gauges (read between passes, never with a query of their own). */
    record Backlog(int pending, int parked, Instant oldestPending) {
    }

    private final Outbox outbox;
    private final HotlineClient client;
    private final OrderBook book;
    private final Clock clock;
    private final MeterRegistry meters;
    private final RetryPolicy policy;
    private final HotlineSettings.Outbox settings;
    private final ExecutorService workers;
    private final AtomicReference<Backlog> backlog = new AtomicReference<>(new Backlog(0, 0, null));

    /**
     * One instance relays at a time — two could deliver one order's syncs out of sequence. Longer than a pass
     * takes with the hotline at its slowest; an instance that dies hands the relay over within this.
     */
    private static final Duration LEASE = Duration.ofMinutes(1);

    private final Leases leases;

    HotlineDelivery(Outbox outbox, HotlineClient client, OrderBook book, Clock clock, MeterRegistry meters,
                HotlineSettings settings, Leases leases) {
        this.leases = leases;
        this.outbox = outbox;
        this.client = client;
        this.book = book;
        this.clock = clock;
        this.meters = meters;
        this.settings = settings.outbox();
        this.policy = RetryPolicy.of(settings.outbox());
        this.workers = Executors.newFixedThreadPool(this.settings.parallelism(), r -> {
            Thread t = new Thread(r, "hotline-relay");
            t.setDaemon(true);
            return t;
        });
        Gauge.builder("gridloop.hotline.outbox.depth", backlog, b -> b.get().pending())
                .description("Messages for the 12345 platform waiting to be delivered").register(meters);
        Gauge.builder("gridloop.hotline.outbox.parked", backlog, b -> b.get().parked())
                .description("Dead letters: messages given up on until retried by hand").register(meters);
        Gauge.builder("gridloop.hotline.outbox.oldest.age", backlog, b -> ageSeconds(b.get()))
                .description("Seconds the oldest waiting message has waited").baseUnit("seconds").register(meters);
    }

    private double ageSeconds(Backlog b) {
        return b.oldestPending() == null ? 0 : Math.max(0, Duration.between(b.oldestPending(), clock.instant())
                .toMillis() / 1000.0);
    }

    Backlog backlog() {
        return backlog.get();
    }

    /** How long the oldest waiting message has waited, as of the last pass; {@code null} when none waits. */
    Double oldestPendingAgeSeconds() {
        Backlog b = backlog.get();
        return b.oldestPending() == null ? null : ageSeconds(b);
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar tasks) {
        tasks.addFixedDelayTask(new FixedDelayTask(this::relay, settings.relayInterval(), settings.initialDelay()));
    }

    void relay() {
        try {
            leases.runIfHeld("hotline.outbox-relay", LEASE, this::pass);
        } catch (RuntimeException e) {
            log.warn("Outbox pass failed; the next one tries again: {}", e.toString());
        }
    }

    /** One pass over the outbox. @return how many messages were delivered */
    int pass() {
        List<OutboxMessage> all = outbox.all();
        Map<String, List<OutboxMessage>> byCase = new LinkedHashMap<>();
        int parked = 0;
        Instant oldest = null;
        for (OutboxMessage m : all) {
            byCase.computeIfAbsent(m.caseId(), k -> new ArrayList<>()).add(m);
            if (m.status() == OutboxMessage.Status.PARKED) {
                parked++;
            } else if (oldest == null || m.createdAt().isBefore(oldest)) {
                oldest = m.createdAt();
            }
        }
        backlog.set(new Backlog(all.size() - parked, parked, oldest));
        Instant now = clock.instant();
        List<Callable<Integer>> tasks = new ArrayList<>();
        for (List<OutboxMessage> line : byCase.values()) {
            OutboxMessage head = line.getFirst();
            if (head.status() == OutboxMessage.Status.PENDING && !head.nextAttemptAt().isAfter(now)) {
                tasks.add(() -> deliverInOrder(line));
            }
        }
        if (tasks.isEmpty()) {
            return 0;
        }
        int delivered = 0;
        try {
            for (var future : workers.invokeAll(tasks)) {
                delivered += future.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException e) {
            log.warn("Outbox delivery failed unexpectedly: {}", e.getCause().toString());
        }
        return delivered;
    }

    private int deliverInOrder(List<OutboxMessage> line) {
        int delivered = 0;
        for (OutboxMessage message : line) {
            if (delivered >= settings.batchPerOrder() || message.status() != OutboxMessage.Status.PENDING
                    || message.nextAttemptAt().isAfter(clock.instant())) {
                break;
            }
            if (deliver(message) != Result.DELIVERED) {
                break;
            }
            delivered++;
        }
        return delivered;
    }

    Result deliver(OutboxMessage message) {
        try {
            switch (message.kind()) {
                case STATUS_SYNC -> client.sendStatus(withOrderNumber(message));
                case ESCALATION -> opened(message, client.escalate(message.escalation()));
            }
        } catch (CallNotPermittedException | RequestNotPermitted | BulkheadFullException notMade) {
            meters.counter("gridloop.hotline.outbox.deferred", "why", notMade.getClass().getSimpleName()).increment();
            return Result.NOT_ATTEMPTED;
        } catch (HotlineRejectedException refused) {
            outbox.park(message, refused.getMessage(), true);
            meters.counter("gridloop.hotline.outbox.dead.letters", "why", "rejected").increment();
            log.error("12345 platform refused {} {} of case {}; parked as a dead letter: {}", message.kind().label(),
                    message.id(), message.caseId(), refused.getMessage());
            return Result.PARKED;
        } catch (RuntimeException failed) {
            int failures = message.attempts() + 1;
            meters.counter("gridloop.hotline.outbox.failures").increment();
            if (policy.exhausted(failures)) {
                outbox.park(message, failed.getMessage(), true);
                meters.counter("gridloop.hotline.outbox.dead.letters", "why", "attempts").increment();
                log.error("{} {} of case {} failed {} times; parked as a dead letter: {}", message.kind().label(),
                        message.id(), message.caseId(), failures, failed.getMessage());
                return Result.PARKED;
            }
            Duration wait = policy.backoffAfter(failures, ThreadLocalRandom.current().nextDouble());
            outbox.failed(message, failed.getMessage(), clock.instant().plus(wait));
            log.warn("{} {} of case {} failed (attempt {}), next try in {}: {}", message.kind().label(), message.id(),
                    message.caseId(), failures, wait, failed.getMessage());
            return Result.FAILED;
        }
        Instant now = clock.instant();
        outbox.delivered(message, now);
        meters.counter("gridloop.hotline.outbox.delivered", "kind", message.kind().name()).increment();
        Timer.builder("gridloop.hotline.sync.latency")
                .description("From the case's change to the 12345 platform's acknowledgement")
                .tag("kind", message.kind().name())
                .publishPercentileHistogram()
                .register(meters)
                .record(Duration.between(message.occurredAt(), now));
        return Result.DELIVERED;
    }

    /**
     * The sync with its order number: an escalated case's syncs are queued before the hotline has answered the
     * escalation, and take the number of the order it opened — delivered after the escalation, they find it.
     */
    private StatusSync withOrderNumber(OutboxMessage message) {
        StatusSync s = message.sync();
        if (s.orderNumber() != null) {
            return s;
        }
        String number = book.linkOf(message.caseId()).map(CaseLink::orderNumber).orElseThrow(() ->
                new IllegalStateException("12345 has not opened an order for escalated case " + message.caseId()));
        return new StatusSync(s.syncId(), number, s.sequence(), s.status(), s.statusLabel(), s.text(), s.reason(),
                s.handlingUnit(), s.dueAt(), s.extensionWorkingDays(), s.occurredAt(), s.photos());
    }

    /** The hotline opened an order for our escalation: remember it both ways, so its visits find the case. */
    private void opened(OutboxMessage message, EscalationReceipt receipt) {
        Instant now = clock.instant();
        book.storeIfNew(new StoredOrder(receipt.orderNumber(), message.caseId(), Origin.ESCALATED, null,
                message.escalation(), now, now, null, null));
        book.link(message.caseId(), receipt.orderNumber(), Origin.ESCALATED);
        log.info("Case {} reported to 12345 (上报12345派单): work order {}", message.caseId(), receipt.orderNumber());
    }

    @Override
    public void destroy() {
        workers.shutdownNow();
    }
}
