package io.gridloop.hotline.simulator;

import io.gridloop.contracts.hotline.EscalationReport;
import io.gridloop.contracts.hotline.StatusSync;
import io.gridloop.contracts.hotline.WorkOrder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * What the simulated platform gave out and took in: the order numbers it issued, the orders it offers for polling,
 * the syncs recorded once per {@code syncId} in sequence, the escalations and the order numbers it gave them, and
 * every request that broke the contract. One lock over all of it: a test reads a consistent picture.
 */
final class Recorded {

    private static final Logger log = LoggerFactory.getLogger(Recorded.class);

    /** A sync as the simulator recorded it. */
    record ReceivedSync(StatusSync sync, Instant receivedAt) {
    }

    /** What became of a sync: recorded, delivered again (answered, not recorded twice), or out of sequence. */
    enum SyncOutcome { RECORDED, DUPLICATE, OUT_OF_SEQUENCE }

    private final Object lock = new Object();
    private final Map<String, List<ReceivedSync>> syncsByOrder = new LinkedHashMap<>();
    private final Map<String, Integer> lastSequence = new HashMap<>();
    private final Map<String, String> orderOfSync = new HashMap<>();
    private final Map<String, String> orderOfEscalation = new LinkedHashMap<>();
    private final Map<String, EscalationReport> escalations = new LinkedHashMap<>();
    private final List<WorkOrder> pollable = new ArrayList<>();
    /** Every order number this platform gave out: pushed, offered for polling, or opened for an escalation. */
    private final Set<String> issued = new HashSet<>();
    private final List<String> violations = new ArrayList<>();
    private final AtomicInteger duplicateSyncs = new AtomicInteger();
    private final AtomicInteger syncsForUnknownOrders = new AtomicInteger();
    private final AtomicInteger rejectedSignatures = new AtomicInteger();

    void issued(List<String> orderNumbers) {
        synchronized (lock) {
            issued.addAll(orderNumbers);
        }
    }

    boolean isIssued(String orderNumber) {
        synchronized (lock) {
            return issued.contains(orderNumber);
        }
    }

    void offer(WorkOrder order) {
        synchronized (lock) {
            pollable.add(order);
            issued.add(order.orderNumber());
        }
    }

    /** The orders offered for polling from position {@code after}, at most {@code limit}. */
    List<WorkOrder> page(int after, int limit) {
        synchronized (lock) {
            return List.copyOf(pollable.subList(Math.min(after, pollable.size()),
                    Math.min(after + limit, pollable.size())));
        }
    }

    /** Records {@code sync} of {@code orderNumber} once, and only after the order's earlier syncs. */
    SyncOutcome sync(String orderNumber, StatusSync sync, Instant at) {
        synchronized (lock) {
            if (orderOfSync.containsKey(sync.syncId())) {
                duplicateSyncs.incrementAndGet();
                return SyncOutcome.DUPLICATE;
            }
            int last = lastSequence.getOrDefault(orderNumber, 0);
            if (sync.sequence() <= last) {
                violation("sync " + sync.syncId() + " of order " + orderNumber + " has sequence " + sync.sequence()
                        + " after " + last);
                return SyncOutcome.OUT_OF_SEQUENCE;
            }
            lastSequence.put(orderNumber, sync.sequence());
            orderOfSync.put(sync.syncId(), orderNumber);
            syncsByOrder.computeIfAbsent(orderNumber, k -> new ArrayList<>()).add(new ReceivedSync(sync, at));
            return SyncOutcome.RECORDED;
        }
    }

    /** The order number an escalation got — a new one from {@code numbers} the first time it arrives. */
    String escalation(EscalationReport report, Supplier<String> numbers) {
        synchronized (lock) {
            String number = orderOfEscalation.computeIfAbsent(report.reportId(), id -> numbers.get());
            issued.add(number);
            escalations.putIfAbsent(report.reportId(), report);
            return number;
        }
    }

    void syncForUnknownOrder() {
        syncsForUnknownOrders.incrementAndGet();
    }

    void rejectedSignature() {
        rejectedSignatures.incrementAndGet();
    }

    void violation(String what) {
        log.error("12345 contract violation: {}", what);
        synchronized (lock) {
            violations.add(what);
        }
    }

    List<StatusSync> syncsOf(String orderNumber) {
        synchronized (lock) {
            return syncsByOrder.getOrDefault(orderNumber, List.of()).stream().map(ReceivedSync::sync).toList();
        }
    }

    Map<String, String> escalationOrders() {
        synchronized (lock) {
            return Map.copyOf(orderOfEscalation);
        }
    }

    List<EscalationReport> escalations() {
        synchronized (lock) {
            return List.copyOf(escalations.values());
        }
    }

    int duplicateSyncs() {
        return duplicateSyncs.get();
    }

    List<String> violations() {
        synchronized (lock) {
            return List.copyOf(violations);
        }
    }

    /** The recorded side of a summary, in one consistent read. */
    HotlineSimulator.Summary summary(int ordersSent, int visitsSent, int extensionDecisionsSent, boolean up,
                                     String faults) {
        synchronized (lock) {
            int recorded = syncsByOrder.values().stream().mapToInt(List::size).sum();
            return new HotlineSimulator.Summary(ordersSent, recorded, duplicateSyncs.get(), escalations.size(),
                    visitsSent, extensionDecisionsSent, syncsForUnknownOrders.get(), rejectedSignatures.get(),
                    List.copyOf(violations), up, faults);
        }
    }
}
