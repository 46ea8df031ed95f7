package io.gridloop.hotline.outbox;

import io.gridloop.hotline.HotlineSettings;

import java.time.Duration;

/**
 * How long the outbox waits after a failed delivery, and when it gives up. The wait doubles from
 * {@code firstBackoff} up to {@code maxBackoff}, spread by ±20% so that messages that failed together do not all
 * come back together. With the defaults (2 s doubling to 5 min, 10 attempts) a message is parked only after
 * failing for more than 10 minutes, so an outage of that length loses and parks nothing.
 */
public record RetryPolicy(Duration firstBackoff, Duration maxBackoff, int maxAttempts) {

    static final double JITTER = 0.2;

    public static RetryPolicy of(HotlineSettings.Outbox settings) {
        return new RetryPolicy(settings.firstBackoff(), settings.maxBackoff(), settings.maxAttempts());
    }

    /**
     * @param failures how often delivery has failed, including this time (1 after the first failure)
     * @param random   a number in [0, 1)
     */
    public Duration backoffAfter(int failures, double random) {
        return nominal(failures).multipliedBy(Math.round((1 - JITTER + 2 * JITTER * random) * 1000)).dividedBy(1000);
    }

    public boolean exhausted(int failures) {
        return failures >= maxAttempts;
    }

    /** The shortest time from a message's first failed attempt to its parking, jitter at its least. */
    public Duration shortestTimeToPark() {
        Duration total = Duration.ZERO;
        for (int failures = 1; failures < maxAttempts; failures++) {
            total = total.plus(backoffAfter(failures, 0));
        }
        return total;
    }

    private Duration nominal(int failures) {
        long factor = 1L << Math.min(30, Math.max(0, failures - 1));
        Duration d = firstBackoff.multipliedBy(factor);
        return d.compareTo(maxBackoff) > 0 ? maxBackoff : d;
    }
}
