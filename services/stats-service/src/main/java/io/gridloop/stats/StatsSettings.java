package io.gridloop.stats;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.List;
import java.util.Map;

/**
 * @param minSampleSize areas with fewer cases reported in a period are shown but not ranked: one case closed
 *                      is 100%, and ranking it first would mislead
 * @param cityNames     city code → name (cases carry district, street and community names, not the city's)
 * @param dashboardOrigins where the supervisors' dashboard is served from: its page reads this API from the
 *                      browser, so these origins may (CORS, read-only)
 */
@ConfigurationProperties("gridloop.stats")
public record StatsSettings(Integer minSampleSize, Map<String, String> cityNames, List<String> dashboardOrigins) {

    public StatsSettings {
        minSampleSize = minSampleSize == null ? 30 : minSampleSize;
        cityNames = cityNames == null ? Map.of() : Map.copyOf(cityNames);
        dashboardOrigins = dashboardOrigins == null
                ? List.of("http://localhost:8080", "http://127.0.0.1:8080") : List.copyOf(dashboardOrigins);
    }
}
