package io.gridloop.stats;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.Map;

/**
 * @param zeroComplaint the quarter's reward for a zero-complaint community (零投诉社区奖励)
 * @param minSampleSize areas with fewer cases reported in a period are shown but not ranked: one case closed
 *                      is 100%, and ranking it first would mislead
 * @param cityNames     city code → name (cases carry district, street and community names, not the city's)
 */
@ConfigurationProperties("gridloop.stats")
public record StatsSettings(Integer minSampleSize, Map<String, String> cityNames, ZeroComplaintRewards zeroComplaint) {

    public StatsSettings {
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
}
