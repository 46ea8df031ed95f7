package io.gridloop.stats.assessment;

import io.gridloop.contracts.event.EventCategory;
import io.gridloop.contracts.event.PatrolKind;
import io.gridloop.contracts.event.ReportSource;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * A grid worker's month in the assessment's measures, from three counts statistics keep anyway:
 * <ul>
 *   <li>their own reports of the month ({@code ownReports}: the worker's cell, by {@code <CATEGORY>|<SOURCE>}) —
 *       valid ones (not 作废, not 并单) by category, those closed in the grid (网格内自办结), those closed on time;</li>
 *   <li>the cases reported that month in their grids ({@code gridCases}, every grid of theirs added up) — the
 *       12345 return visits that found the citizen 满意, and the valid matters a citizen or 12345 raised
 *       (问题被群众先发现: "本应由网格管理人员排查发现，却由群众举报的问题"); a grid's workers share them;</li>
 *   <li>their patrols and visits of the month by kind.</li>
 * </ul>
 * The case counts come as the cells hold them: dims → measure code ({@code reported}, {@code invalidated}…) → count.
 */
public final class MonthMeasures {

    /** Who counts as "the public" finding a matter first: residents by any channel, and the 12345 hotline. */
    static final Set<ReportSource> RAISED_BY_CITIZENS = EnumSet.of(ReportSource.CITIZEN_PHOTO,
            ReportSource.RESIDENT_PLATFORM, ReportSource.HOTLINE_12345, ReportSource.OPEN311, ReportSource.PHONE_CALL,
            ReportSource.WALK_IN);

    private static final Map<PatrolKind, Measure> BY_PATROL_KIND = Map.of(
            PatrolKind.HAZARD_PATROL, Measure.HAZARD_PATROLS,
            PatrolKind.HOUSEHOLD_VISIT, Measure.HOUSEHOLD_VISITS,
            PatrolKind.INFORMATION_COLLECTION, Measure.INFORMATION_COLLECTIONS,
            PatrolKind.POLICY_PUBLICITY, Measure.POLICY_PUBLICITY,
            PatrolKind.LIVELIHOOD_SERVICE, Measure.LIVELIHOOD_SERVICES,
            PatrolKind.DISPUTE_SCREENING, Measure.DISPUTE_SCREENINGS);

    // The counts' codes as cells store them (the counting package's measures, whose names clash with ours).
    private static final String REPORTED = io.gridloop.stats.counting.Measure.REPORTED.code();
    private static final String INVALIDATED = io.gridloop.stats.counting.Measure.INVALIDATED.code();
    private static final String MERGED = io.gridloop.stats.counting.Measure.MERGED.code();
    private static final String CLOSED_IN_GRID = io.gridloop.stats.counting.Measure.CLOSED_IN_GRID.code();
    private static final String CLOSED_ON_TIME = io.gridloop.stats.counting.Measure.CLOSED_ON_TIME.code();
    private static final String SATISFIED = io.gridloop.stats.counting.Measure.SATISFIED.code();

    private MonthMeasures() {
    }

    /** Every measure of the month, zeros included. */
    public static Map<Measure, Long> of(Map<String, Map<String, Long>> ownReports,
                                        Map<String, Map<String, Long>> gridCases, Map<PatrolKind, Long> patrols) {
        Map<Measure, Long> out = new EnumMap<>(Measure.class);
        for (Measure m : Measure.values()) {
            out.put(m, 0L);
        }
        ownReports.forEach((dims, counts) -> {
            long valid = valid(counts);
            out.merge(Measure.VALID_REPORTS, valid, Long::sum);
            EventCategory category = categoryOf(dims);
            if (category == EventCategory.HAZARD) {
                out.merge(Measure.HAZARD_REPORTS, valid, Long::sum);
            } else if (category == EventCategory.DISPUTE) {
                out.merge(Measure.DISPUTE_REPORTS, valid, Long::sum);
            }
            out.merge(Measure.SELF_HANDLED_CLOSED, get(counts, CLOSED_IN_GRID), Long::sum);
            out.merge(Measure.CLOSED_ON_TIME, get(counts, CLOSED_ON_TIME), Long::sum);
        });
        gridCases.forEach((dims, counts) -> {
            out.merge(Measure.SATISFIED_VISITS, get(counts, SATISFIED), Long::sum);
            if (RAISED_BY_CITIZENS.contains(sourceOf(dims))) {
                out.merge(Measure.FOUND_FIRST_BY_CITIZENS, valid(counts), Long::sum);
            }
        });
        patrols.forEach((kind, n) -> out.merge(BY_PATROL_KIND.get(kind), n, Long::sum));
        return out;
    }

    private static long valid(Map<String, Long> counts) {
        return get(counts, REPORTED) - get(counts, INVALIDATED) - get(counts, MERGED);
    }

    private static long get(Map<String, Long> counts, String measure) {
        return counts.getOrDefault(measure, 0L);
    }

    private static EventCategory categoryOf(String dims) {
        String name = dims.substring(0, Math.max(0, dims.indexOf('|')));
        try {
            return EventCategory.valueOf(name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static ReportSource sourceOf(String dims) {
        try {
            return ReportSource.valueOf(dims.substring(dims.indexOf('|') + 1));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
