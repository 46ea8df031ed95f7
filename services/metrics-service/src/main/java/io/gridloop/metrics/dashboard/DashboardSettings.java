package io.gridloop.metrics.dashboard;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * The dashboard is a page of the workbench ({@code services/web}); this service feeds its live updates.
 *
 * @param pushInterval at most how often the live stream tells open pages that figures changed
 */
@ConfigurationProperties("gridloop.dashboard")
public record DashboardSettings(Duration pushInterval) {

    public DashboardSettings {
        pushInterval = pushInterval == null ? Duration.ofSeconds(1) : pushInterval;
    }
}
