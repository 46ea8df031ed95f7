package io.gridloop.stats;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.Map;

/**
 * @param townQuota     what each street or town must report and solve per period (乡镇任务)
 * @param zeroComplaint the quarter's reward for a zero-complaint community (零投诉社区奖励)
 * @param minSampleSize areas with fewer cases reported in a period are shown but not ranked: one case closed
 *                      is 100%, and ranking it first would mislead
 * @param cityNames     city code → name (cases carry district, street and community names, not the city's)
 * @param gridGrades    the quota of 优秀 in the quarterly grading of grids and communities
 * @param formulasLocation the formulas of the published rates (办结率 and the rest, {@code stats/formulas.json}
 *                      unless a city has its own)
 */
@ConfigurationProperties("gridloop.stats")
public record StatsSettings(Integer minSampleSize, Map<String, String> cityNames, ZeroComplaintRewards zeroComplaint,
                            TownQuota townQuota, GridGrades gridGrades, String formulasLocation) {

    public StatsSettings {
        gridGrades = gridGrades == null ? new GridGrades(null) : gridGrades;
        formulasLocation = formulasLocation == null || formulasLocation.isBlank() ? "classpath:stats/formulas.json"
                : formulasLocation.strip();
        townQuota = townQuota == null ? new TownQuota(null, null) : townQuota;
        minSampleSize = minSampleSize == null ? 30 : minSampleSize;
        cityNames = cityNames == null ? Map.of() : Map.copyOf(cityNames);
        zeroComplaint = zeroComplaint == null ? new ZeroComplaintRewards(null, null) : zeroComplaint;
    }

    /**
     * What a zero-complaint community earns for a quarter (望城区: 5,000 元 for a city community, 3,000 元 for
     * others), paid through its street or town.
     *
     * @param urbanCommunityReward yuan for an urban community (社区居委会) of a street (街道)
     * @param otherReward          yuan for any other community or village
     */
    public record ZeroComplaintRewards(Long urbanCommunityReward, Long otherReward) {

        public ZeroComplaintRewards {
            urbanCommunityReward = urbanCommunityReward == null ? 5_000 : urbanCommunityReward;
            otherReward = otherReward == null ? 3_000 : otherReward;
        }

        /** The reward of the community {@code code}, by its kind. */
        public long amountFor(io.gridloop.contracts.area.AreaCode code) {
            return code.urbanCommunity() ? urbanCommunityReward : otherReward;
        }
    }

    /**
     * 怀来县: "每个乡镇按要求定期上报并解决 20 个有效事件" — each street or town reports and solves so many valid events
     * (not invalidated, not merged) per period.
     *
     * @param validEvents how many, per period (default 20)
     * @param period      the period the quota counts over: MONTH, QUARTER (default) or YEAR
     */
    public record TownQuota(Integer validEvents, String period) {

        public TownQuota {
            validEvents = validEvents == null ? 20 : validEvents;
            period = period == null || period.isBlank() ? "QUARTER" : period.trim().toUpperCase(java.util.Locale.ROOT);
        }
    }

    /**
     * 望城区 grades its grids every quarter with a quota of 优秀 per level (355 of 725 third-level grids, 757 of 5,464
     * fourth-level ones).
     *
     * @param excellentShare per level graded ({@code grid}, {@code community}), the share of its areas that may be
     *                       优秀, 0–1 (default 0.3 each)
     */
    public record GridGrades(Map<String, java.math.BigDecimal> excellentShare) {

        private static final java.math.BigDecimal DEFAULT_SHARE = new java.math.BigDecimal("0.3");

        public GridGrades {
            Map<String, java.math.BigDecimal> shares = new java.util.HashMap<>(Map.of("grid", DEFAULT_SHARE,
                    "community", DEFAULT_SHARE));
            if (excellentShare != null) {
                excellentShare.forEach((level, share) -> shares.put(level.toLowerCase(java.util.Locale.ROOT), share));
            }
            shares.forEach((level, share) -> {
                if (share.signum() < 0 || share.compareTo(java.math.BigDecimal.ONE) > 0) {
                    throw new IllegalArgumentException("gridloop.stats.grid-grades.excellent-share." + level
                            + " must lie between 0 and 1: " + share);
                }
            });
            excellentShare = Map.copyOf(shares);
        }

        public java.math.BigDecimal shareOf(String level) {
            return excellentShare.get(level);
        }
    }
}
