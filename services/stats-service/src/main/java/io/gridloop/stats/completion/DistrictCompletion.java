package io.gridloop.stats.completion;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A district's completion figures: 上报数, 办结数 and 办结率.
 *
 * @param completionRate closed ÷ reported in 0..1; absent while nothing was reported
 */
public record DistrictCompletion(String districtCode, String districtName, long reported, long closed,
                                 Double completionRate) {

    static List<DistrictCompletion> sum(Collection<DistrictCounter> counters) {
        Map<String, long[]> totals = new TreeMap<>();
        Map<String, String> names = new TreeMap<>();
        for (DistrictCounter c : counters) {
            long[] t = totals.computeIfAbsent(c.districtCode(), k -> new long[2]);
            t[0] += c.reported();
            t[1] += c.closed();
            names.put(c.districtCode(), c.districtName());
        }
        return totals.entrySet().stream()
                .map(e -> new DistrictCompletion(e.getKey(), names.get(e.getKey()), e.getValue()[0], e.getValue()[1],
                        CompletionRate.of(e.getValue()[1], e.getValue()[0])))
                .sorted(Comparator.comparing(DistrictCompletion::districtCode))
                .toList();
    }
}
