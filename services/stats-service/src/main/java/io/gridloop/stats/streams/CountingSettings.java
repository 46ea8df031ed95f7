package io.gridloop.stats.streams;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.file.Path;
import java.time.Duration;

/**
 * {@code gridloop.stats.counting.*}: where and how often the counting tasks work.
 *
 * @param stateDir       where the tasks keep their stores on local disk (RocksDB); absent: a fresh directory
 *                       for each start, which is correct but restores every store from its changelog first
 * @param sinkInterval   how often changed cell shares are written to MongoDB: how stale a figure may be
 * @param commitInterval how often the tasks commit (a transaction of store changes and input offsets)
 * @param threads        stream threads of this instance; partitions are shared out among all instances' threads
 */
@ConfigurationProperties("gridloop.stats.counting")
public record CountingSettings(Path stateDir, Duration sinkInterval, Duration commitInterval, Integer threads) {

    public CountingSettings {
        sinkInterval = sinkInterval == null ? Duration.ofMillis(300) : sinkInterval;
        commitInterval = commitInterval == null ? Duration.ofMillis(200) : commitInterval;
        threads = threads == null ? 1 : threads;
    }
}
