package io.gridloop.hotline.simulator;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Faults the simulated hotline injects on demand, into the requests it serves (what the bridge calls) and the
 * requests it makes (what the bridge receives). All settings can change while traffic flows.
 */
public final class Faults {

    private volatile Duration latency = Duration.ZERO;
    private volatile double errorRate;
    private volatile double hangRate;
    private volatile Duration hang = Duration.ofSeconds(10);
    private volatile boolean duplicateDeliveries;
    private volatile boolean outOfOrderCallbacks;
    private final java.util.Set<String> refusedOrders = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final RandomGenerator random;

    Faults(RandomGenerator random) {
        this.random = random;
    }

    /** Every answer comes this much later. */
    public Faults latency(Duration latency) {
        this.latency = latency;
        return this;
    }

    /** This share of requests is answered 503 without being processed. */
    public Faults errorRate(double rate) {
        this.errorRate = rate;
        return this;
    }

    /**
     * This share of requests is processed but answered only after {@code hang}: the caller times out and cannot
     * know the request took effect — the case that makes idempotency keys necessary.
     */
    public Faults hangs(double rate, Duration hang) {
        this.hangRate = rate;
        this.hang = hang;
        return this;
    }

    /** Every order and visit the simulator sends is sent twice. */
    public Faults duplicateDeliveries(boolean on) {
        this.duplicateDeliveries = on;
        return this;
    }

    /** Return visits held back and sent newest first, some before the order's reply reached the hotline. */
    public Faults outOfOrderCallbacks(boolean on) {
        this.outOfOrderCallbacks = on;
        return this;
    }

    /** Syncs for this order are refused with 422, as a platform refuses a step it considers invalid. */
    public Faults refuse(String orderNumber) {
        refusedOrders.add(orderNumber);
        return this;
    }

    /** Back to a well-behaved hotline. */
    public Faults clear() {
        latency = Duration.ZERO;
        errorRate = 0;
        hangRate = 0;
        duplicateDeliveries = false;
        outOfOrderCallbacks = false;
        refusedOrders.clear();
        return this;
    }

    boolean refuses(String orderNumber) {
        return refusedOrders.contains(orderNumber);
    }

    Duration latency() {
        return latency;
    }

    boolean failNow() {
        return errorRate > 0 && random.nextDouble() < errorRate;
    }

    boolean hangNow() {
        return hangRate > 0 && random.nextDouble() < hangRate;
    }

    Duration hang() {
        return hang;
    }

    boolean duplicateDeliveries() {
        return duplicateDeliveries;
    }

    boolean outOfOrderCallbacks() {
        return outOfOrderCallbacks;
    }

    @Override
    public String toString() {
        return "Faults[latency=" + latency + ", errorRate=" + errorRate + ", hangRate=" + hangRate + ", hang=" + hang
                + ", duplicates=" + duplicateDeliveries + ", outOfOrder=" + outOfOrderCallbacks + ", refused=" + refusedOrders
                + "]";
    }
}
