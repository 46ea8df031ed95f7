package io.gridloop.dispatch.casestore;

import io.gridloop.platform.lease.Leases;
import io.gridloop.contracts.EventEnvelope;
import io.gridloop.contracts.ServiceNames;
import io.gridloop.contracts.Topics;
import io.gridloop.contracts.event.CaseTransitioned;
import io.gridloop.dispatch.lifecycle.CaseFile;
import io.gridloop.dispatch.lifecycle.OutboxEntry;
import io.gridloop.platform.kafka.EventPublisher;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.support.SendResult;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * Relays a case's outbox to {@code grid.case.transitioned.v1}, in sequence order, and removes what Kafka
 * acknowledged; the work queues then follow the case as its events tell it. Called right after each write
 * ({@link CaseCommits}); a periodic sweep catches whatever a crash or a broker outage left behind. A crash between
 * "sent" and "removed" sends an event again with the same id — consumers deduplicate on it — so nothing is lost and
 * nothing is counted twice.
 */
@Component
public class OutboxRelay implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    /** An instance that dies hands the sweep over within this. */
    private static final Duration SWEEP_LEASE = Duration.ofMinutes(1);

    private final CaseFiles cases;
    private final List<CaseFollower> followers;
    private final PendingOutbox pending;
    private final EventPublisher publisher;
    private final Clock clock;
    private final CaseStoreSettings settings;
    private final CaseLocks locks;
    private final Leases leases;

    OutboxRelay(CaseFiles cases, CaseLocks locks, List<CaseFollower> followers, PendingOutbox pending,
                EventPublisher publisher, Clock clock, MeterRegistry meters,
                CaseStoreSettings settings, Leases leases) {
        this.cases = cases;
        this.followers = List.copyOf(followers);
        this.pending = pending;
        this.publisher = publisher;
        this.clock = clock;
        this.settings = settings;
        this.locks = locks;
        this.leases = leases;
        Gauge.builder("gridloop.dispatch.casestore.pending", pending, PendingOutbox::count)
                .description("Transition events stored but not yet acknowledged by Kafka")
                .register(meters);
    }

    /**
     * Publishes the case's pending events, as stored now. Never throws for a broker problem: the events stay in
     * the outbox and the sweep tries again.
     *
     * @return how many events Kafka acknowledged
     */
    public int relay(String caseId) {
        return locks.withCase(caseId, () -> cases.find(caseId).map(this::relayHeld).orElse(0));
    }

    /**
     * Publishes the pending events of {@code current}, which the caller ({@link CaseCommits}) has just written
     * while holding the case's lock — it is the case as stored, so it need not be read back.
     *
     * @return how many events Kafka acknowledged
     */
    int relayHeld(CaseFile current) {
        List<OutboxEntry> outbox = current.outbox();
        if (outbox.isEmpty()) {
            return 0;
        }
        List<OutboxEntry> sent = send(current.id(), outbox);
        if (!sent.isEmpty()) {
            // The work queues follow the case's state as of its events, healed by the sweep like the events.
            followers.forEach(f -> f.follow(current));
            cases.removeFromOutbox(current.id(), sent);
            pending.done(sent.stream().map(OutboxEntry::messageId).toList());
        }
        return sent.size();
    }

    /** Sends in order and stops at the first failure, so a later event never overtakes an earlier one. */
    private List<OutboxEntry> send(String caseId, List<OutboxEntry> outbox) {
        List<CompletableFuture<SendResult<String, byte[]>>> futures = new ArrayList<>();
        for (OutboxEntry entry : outbox) {
            CaseTransitioned t = entry.transition();
            try {
                futures.add(publisher.publish(Topics.CASE_TRANSITIONED, EventEnvelope.of(Topics.CASE_TRANSITIONED,
                        entry.messageId(), ServiceNames.DISPATCH, t.occurredAt(), caseId, t)));
            } catch (RuntimeException brokerAway) {
                log.warn("Cannot relay events of case {} now: {}", caseId, brokerAway.toString());
                break;
            }
        }
        List<OutboxEntry> acknowledged = new ArrayList<>();
        for (int i = 0; i < futures.size(); i++) {
            try {
                futures.get(i).get(settings.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
                acknowledged.add(outbox.get(i));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (ExecutionException | TimeoutException e) {
                log.warn("Kafka did not acknowledge message {}: {}", outbox.get(i).messageId(), e.toString());
                break;
            }
        }
        return acknowledged;
    }

    /** One instance sweeps at a time; each still relays its own actions at once. */
    @Override
    public void configureTasks(ScheduledTaskRegistrar tasks) {
        tasks.addFixedDelayTask(new FixedDelayTask(this::scheduledSweep, settings.sweepInterval(),
                settings.sweepInitialDelay()));
    }

    void scheduledSweep() {
        leases.runIfHeld("dispatch.outbox-sweep", SWEEP_LEASE, this::sweep);
    }

    /** Relays what earlier attempts left behind, and drops markers whose entry no longer exists. */
    public void sweep() {
        Instant now = clock.instant();
        List<PendingOutbox.Marker> stale = pending.olderThan(now.minus(settings.sweepGrace()));
        if (stale.isEmpty()) {
            return;
        }
        Set<String> caseIds = new LinkedHashSet<>();
        stale.forEach(m -> caseIds.add(m.caseId()));
        int relayed = 0;
        for (String caseId : caseIds) {
            relayed += relay(caseId);
        }
        // Markers still here after the relay whose entry is gone: a write that never happened, or an entry
        // relayed just before a crash. Old enough ones can go.
        Set<String> orphans = new HashSet<>();
        Instant orphanCutoff = now.minus(settings.sweepGrace().multipliedBy(12));
        Map<String, Set<String>> outboxes = new HashMap<>();  // each case read once, however many markers it has
        for (PendingOutbox.Marker marker : stale) {
            if (marker.createdAt().isBefore(orphanCutoff) && !outboxes.computeIfAbsent(marker.caseId(),
                    id -> cases.find(id).map(c -> c.outbox().stream().map(OutboxEntry::messageId)
                            .collect(Collectors.toSet())).orElse(Set.of())).contains(marker.id())) {
                orphans.add(marker.id());
            }
        }
        pending.done(orphans);
        if (relayed > 0 || !orphans.isEmpty()) {
            log.info("Outbox sweep relayed {} events of {} cases, dropped {} stale markers", relayed,
                    caseIds.size(), orphans.size());
        }
    }
}
