package io.gridloop.stats.query;

import java.util.Map;

/**
 * One area's figures for a period: counts, rates by formula, handling time and whether it is ranked.
 *
 * @param sampleSize         cases reported in the period (上报数): what the rates rest on
 * @param rates              formula code → rate in 0..1; absent where the denominator is 0
 * @param rank               position by the ranking rate among areas with enough cases; absent otherwise
 * @param belowMinimumSample fewer cases than the configured minimum: shown, never ranked
 */
public record AreaFigures(
        String areaCode,
        String areaName,
        String level,
        String parentCode,
        long sampleSize,
        Map<String, Long> counts,
        Map<String, Double> rates,
        Double averageHandlingHours,
        Double p90HandlingHours,
        Integer rank,
        boolean belowMinimumSample) {
}
