package io.gridloop.stats;

import io.gridloop.stats.generations.Generations;

import java.time.Duration;

import static org.awaitility.Awaitility.await;

/** Tests share one service: a rebuild another test started (the access matrix does) must be over first. */
public final class Rebuilds {

    private Rebuilds() {
    }

    /** Waits until no rebuild runs: readers stay on one generation until the next one starts. */
    public static void awaitNoneRunning(Generations generations) {
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(300))
                .until(() -> generations.current().building() == null);
    }
}
