package io.gridloop.stats.snapshot;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * @param snapshotInterval how often the districts whose figures changed are published to the dashboard's topic
 *                         (at most once each per interval, however many cases moved)
 */
@ConfigurationProperties("gridloop.stats")
public record SnapshotSettings(Duration snapshotInterval) {

    public SnapshotSettings {
        snapshotInterval = snapshotInterval == null ? Duration.ofMillis(500) : snapshotInterval;
    }
}
