package io.gridloop.metrics.dashboard;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * @param statsUrl     where browsers reach stats-service's API (tables, drill-down, trends, exports); the
 *                     dashboard page calls it directly, so it must be an address the supervisors' browsers can
 *                     reach, and stats must allow this page's origin ({@code gridloop.web.cors.origins})
 * @param pushInterval at most how often the live stream tells open pages that figures changed
 * @param tokenUrl     the realm's token endpoint, where the page signs supervisors in (password grant)
 * @param clientId     the public client the page signs in as
 */
@ConfigurationProperties("gridloop.dashboard")
public record DashboardSettings(String statsUrl, Duration pushInterval, String tokenUrl, String clientId) {

    public DashboardSettings {
        clientId = clientId == null || clientId.isBlank() ? "gridloop-dashboard" : clientId;
        statsUrl = statsUrl == null || statsUrl.isBlank() ? "http://localhost:8084" : statsUrl.replaceAll("/+$", "");
        pushInterval = pushInterval == null ? Duration.ofSeconds(1) : pushInterval;
    }
}
