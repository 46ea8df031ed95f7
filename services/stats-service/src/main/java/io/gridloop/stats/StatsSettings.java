package io.gridloop.stats;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.Map;

/**
 * @param minSampleSize areas with fewer cases reported in a period are shown but not ranked: one case closed
 *                      is 100%, and ranking it first would mislead
 * @param cityNames     city code → name (cases carry district, street and community names, not the city's)
 */
@ConfigurationProperties("gridloop.stats")
public record StatsSettings(Integer minSampleSize, Map<String, String> cityNames) {

    public StatsSettings {
        minSampleSize = minSampleSize == null ? 30 : minSampleSize;
        cityNames = cityNames == null ? Map.of() : Map.copyOf(cityNames);
    }
}
