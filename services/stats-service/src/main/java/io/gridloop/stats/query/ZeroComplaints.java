package io.gridloop.stats.query;

import io.gridloop.contracts.area.AreaCode;
import io.gridloop.contracts.area.AreaLevel;
import io.gridloop.contracts.event.ReportSource;
import io.gridloop.platform.security.Caller;
import io.gridloop.stats.StatsSettings;
import io.gridloop.stats.access.AreaAccess;
import io.gridloop.stats.counting.Measure;
import io.gridloop.stats.formula.Formulas;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * 零投诉社区 (望城区 rewards them every quarter): the communities of an area, of those statistics know, without a
 * valid 12345 complaint in the period — a complaint the centre invalidated (作废) is none —, each one's reward by
 * its kind, and the sums each street or town pays out. What the API answers and the reward form exports.
 */
@Component
class ZeroComplaints {

    private final StatsQueries queries;
    private final Formulas formulas;
    private final StatsSettings settings;
    private final Clock clock;

    ZeroComplaints(StatsQueries queries, Formulas formulas, StatsSettings settings, Clock clock) {
        this.queries = queries;
        this.formulas = formulas;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * @param communities how many communities the area has (of those statistics know)
     * @param rewards     each zero-complaint community's reward (零投诉社区奖励) by its kind, by street
     * @param byStreet    the rewards summed per street or town, which pays them out (for the finance office)
     */
    record ZeroComplaint(String period, String periodLabel, String parent, String parentName, int communities,
                         List<AreaFigures> zeroComplaintCommunities, List<Reward> rewards, List<StreetTotal> byStreet,
                         long totalAmount) {
    }

    /** @param communityType 城市社区 (an urban community of a street) or 其他社区（村） */
    record Reward(String communityCode, String communityName, String streetCode, String streetName,
                  String communityType, long amount) {
    }

    record StreetTotal(String streetCode, String streetName, int communities, long amount) {
    }

    /** The zero-complaint communities under {@code parent} (default: all the caller's) in {@code period} (default: this quarter). */
    ZeroComplaint of(String period, String parent) {
        String p = period == null || period.isBlank() ? Period.currentText(Period.Kind.QUARTER, clock) : period;
        StatsRequest r = StatsRequest.of("community", parent, p, null, null, null, formulas, clock);
        Caller caller = AreaAccess.checkParent(r.parent());
        StatsTable table = queries.table(r, caller::covers);
        StatsTable hotline = queries.table(StatsRequest.of("community", parent, p, null,
                ReportSource.HOTLINE_12345.name(), null, formulas, clock), caller::covers);
        Map<String, Long> complaints = new HashMap<>();
        for (AreaFigures row : hotline.rows()) {
            complaints.put(row.areaCode(), row.counts().get(Measure.REPORTED.code())
                    - row.counts().get(Measure.INVALIDATED.code()));
        }
        List<AreaFigures> zero = table.rows().stream()
                .filter(row -> complaints.getOrDefault(row.areaCode(), 0L) == 0).toList();
        List<Reward> rewards = zero.stream().map(row -> {
            AreaCode code = AreaCode.of(row.areaCode());
            String street = code.at(AreaLevel.STREET).value();
            return new Reward(row.areaCode(), row.areaName(), street, queries.nameOf(street),
                    code.urbanCommunity() ? "城市社区" : "其他社区（村）", settings.zeroComplaint().amountFor(code));
        }).sorted(java.util.Comparator.comparing(Reward::communityCode)).toList();
        Map<String, StreetTotal> byStreet = new LinkedHashMap<>();
        for (Reward reward : rewards) {
            byStreet.merge(reward.streetCode(), new StreetTotal(reward.streetCode(), reward.streetName(), 1,
                    reward.amount()), (a, b) -> new StreetTotal(a.streetCode(), a.streetName(),
                    a.communities() + 1, a.amount() + b.amount()));
        }
        return new ZeroComplaint(r.period().text(), r.period().label(), r.parent(), table.parentName(),
                table.rows().size(), zero, rewards, List.copyOf(byStreet.values()),
                rewards.stream().mapToLong(Reward::amount).sum());
    }
}
