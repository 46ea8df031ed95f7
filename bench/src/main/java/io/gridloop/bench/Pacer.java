package io.gridloop.bench;

/**
 * The open model's clock: request {@code i} is due at {@code start + i / rate}, whatever happened to the ones
 * before. Latency is measured from that due time, so a stalled system is charged for the requests it kept waiting
 * (no coordinated omission).
 */
final class Pacer {

    private final long startNanos;
    private final double intervalNanos;

    Pacer(long startNanos, double perSecond) {
        if (perSecond <= 0) {
            throw new IllegalArgumentException("rate must be positive");
        }
        this.startNanos = startNanos;
        this.intervalNanos = 1e9 / perSecond;
    }

    long dueNanos(long i) {
        return startNanos + Math.round(i * intervalNanos);
    }

    /** How many requests are due by {@code nowNanos}. */
    long dueBy(long nowNanos) {
        return nowNanos < startNanos ? 0 : (long) Math.floor((nowNanos - startNanos) / intervalNanos) + 1;
    }
}
