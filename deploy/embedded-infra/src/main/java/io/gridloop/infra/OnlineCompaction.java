package io.gridloop.infra;

import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Rewrites the running store's emptiest chunks a little at a time, so the file stays near its live data between
 * starts instead of growing by every dead version until the next one ({@link StoreCompaction}). H2 does this by
 * itself only when nothing writes; a round here moves at most {@value #BYTES_PER_ROUND} bytes of live pages, which
 * holds the store's lock for milliseconds (a whole 16 MB at once held it for half a second), and only while the
 * chunks are less than half live. The space freed is used again for new chunks once H2's retention time
 * (45 s) has passed.
 */
final class OnlineCompaction implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(OnlineCompaction.class);
    static final Duration EVERY = Duration.ofSeconds(1);
    private static final int TARGET_FILL_PERCENT = 60;
    private static final int BYTES_PER_ROUND = 256 * 1024;

    private final MVStore store;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "store-compaction");
        t.setDaemon(true);
        return t;
    });

    OnlineCompaction(MVStore store, Duration every) {
        this.store = store;
        timer.scheduleWithFixedDelay(this::round, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The share of the chunks' space that holds live data, in percent. */
    int livePercent() {
        return store.getFileStore().getChunksFillRate();
    }

    private void round() {
        try {
            if (!store.isClosed() && livePercent() < StoreCompaction.COMPACT_BELOW_PERCENT) {
                store.compact(TARGET_FILL_PERCENT, BYTES_PER_ROUND);
            }
        } catch (RuntimeException e) {
            log.warn("Store compaction round failed; trying again in the next one: {}", e.toString());
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
