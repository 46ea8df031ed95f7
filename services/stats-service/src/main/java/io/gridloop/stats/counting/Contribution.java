package io.gridloop.stats.counting;

import io.gridloop.contracts.area.AreaCode;
import io.gridloop.contracts.area.AreaLevel;
import io.gridloop.contracts.area.AreaPath;
import io.gridloop.contracts.event.CaseState;
import io.gridloop.contracts.event.ReportSource;
import io.gridloop.contracts.event.VisitResolution;
import io.gridloop.contracts.event.VisitSatisfaction;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one case counts for, as a pure function of its {@link CaseFacts}: for each area it lies in (city down to
 * grid) and each bucket (day and month of its cohort date, or {@code live}), the measures it adds, under its
 * category and source — and, for a grid worker's report, in the worker's own cell of the month it was reported
 * ({@link AreaRef#gridWorker}). A transition changes the counts by {@code of(after) − of(before)}, which is why the
 * counts never depend on the order of delivery or on how often a transition arrives — only on the final facts.
 *
 * <p>Fields are addressed as {@code <CATEGORY>|<SOURCE>.<measure>}, handling-time buckets as
 * {@code <CATEGORY>|<SOURCE>.h.<bucket>}.
 */
public final class Contribution {

    private Contribution() {
    }

    /** Cell id → cell and its fields; empty for {@code null} facts (a case not seen yet). */
    public static Map<String, CellDelta> of(CaseFacts f) {
        Map<String, CellDelta> out = new LinkedHashMap<>();
        if (f == null) {
            return out;
        }
        String dims = dimsOf(f);
        List<AreaRef> areas = areasOf(f);

        Map<String, Long> reported = new LinkedHashMap<>();
        add(reported, dims, Measure.REPORTED, 1);
        add(reported, dims, Measure.ROUTED, f.routed() ? 1 : 0);
        add(reported, dims, Measure.ACCEPTED, f.firstAcceptedAt() != null ? 1 : 0);
        add(reported, dims, Measure.RESPONDED_IN_TIME, f.respondedInTime() ? 1 : 0);
        add(reported, dims, Measure.CLOSED, f.isClosed() ? 1 : 0);
        add(reported, dims, Measure.CLOSED_ON_TIME, f.isClosed() && f.closedOnTime() ? 1 : 0);
        add(reported, dims, Measure.CLOSED_IN_GRID, f.isClosedInGrid() ? 1 : 0);
        add(reported, dims, Measure.REWORKED, f.reworkCount() > 0 ? 1 : 0);
        add(reported, dims, Measure.RETURNED, f.returned() ? 1 : 0);
        add(reported, dims, Measure.ESCALATED, f.escalated() ? 1 : 0);
        add(reported, dims, Measure.EXTENDED, f.extended() ? 1 : 0);
        add(reported, dims, Measure.MERGED, f.state() == CaseState.MERGED ? 1 : 0);
        add(reported, dims, Measure.INVALIDATED, f.state() == CaseState.INVALID ? 1 : 0);
        boolean hotline = f.source() == ReportSource.HOTLINE_12345;
        add(reported, dims, Measure.HOTLINE_ORDERS, hotline ? 1 : 0);
        add(reported, dims, Measure.HOTLINE_RESPONDED_IN_TIME, hotline && f.respondedInTime() ? 1 : 0);
        if (f.visitResolution() != null) {
            add(reported, dims, Measure.VISITED, 1);
            add(reported, dims, Measure.RESOLVED, f.visitResolution() == VisitResolution.RESOLVED ? 1 : 0);
            add(reported, dims, Measure.PARTLY_RESOLVED,
                    f.visitResolution() == VisitResolution.PARTLY_RESOLVED ? 1 : 0);
            VisitSatisfaction s = f.visitSatisfaction();
            add(reported, dims, Measure.RATED, s != null && s != VisitSatisfaction.NOT_RATED ? 1 : 0);
            add(reported, dims, Measure.SATISFIED, s == VisitSatisfaction.SATISFIED ? 1 : 0);
            add(reported, dims, Measure.BASICALLY_SATISFIED, s == VisitSatisfaction.BASICALLY_SATISFIED ? 1 : 0);
            add(reported, dims, Measure.UNSATISFIED, s == VisitSatisfaction.UNSATISFIED ? 1 : 0);
        }
        if (f.isClosed() && f.closedAt() != null && f.reportedAt() != null) {
            Duration handling = Duration.between(f.reportedAt(), f.closedAt());
            add(reported, dims, Measure.HANDLING_SECONDS, Math.max(0, handling.toSeconds()));
            reported.merge(dims + ".h." + HandlingTime.bucketOf(handling), 1L, Long::sum);
        }
        put(out, areas, f.reportedAt(), reported);
        // A grid worker's own reports, counted the same way into their month: what their assessment reads.
        if (f.gridWorkerId() != null && f.reportedAt() != null) {
            merge(out, new CellKey(AreaRef.gridWorker(f.gridWorkerId()), CellKey.month(f.reportedAt())), reported, 1);
        }

        // A merged or invalidated case is not due any more: it leaves 应结案 rather than count as not closed.
        if (f.dueAt() != null && f.state() != CaseState.MERGED && f.state() != CaseState.INVALID) {
            Map<String, Long> due = new LinkedHashMap<>();
            add(due, dims, Measure.DUE, 1);
            add(due, dims, Measure.DUE_CLOSED, f.isClosed() ? 1 : 0);
            add(due, dims, Measure.DUE_CLOSED_ON_TIME, f.isClosed() && f.closedOnTime() ? 1 : 0);
            add(due, dims, Measure.DUE_REWORKED, f.reworkCount() > 0 ? 1 : 0);
            add(due, dims, Measure.DUE_EXTENDED, f.extended() ? 1 : 0);
            add(due, dims, Measure.DUE_SUSPENDED, f.state() == CaseState.SUSPENDED ? 1 : 0);
            put(out, areas, f.dueAt(), due);
        }

        if (f.isOpen()) {
            Map<String, Long> live = new LinkedHashMap<>();
            add(live, dims, Measure.OPEN, 1);
            add(live, dims, Measure.OVERDUE_NOW, f.overdue() ? 1 : 0);
            for (AreaRef area : areas) {
                merge(out, new CellKey(area, CellKey.LIVE), live, 1);
            }
        }
        return out;
    }

    /**
     * {@code of(after) − of(before)} by cell id, without the zeros. Cells are matched by id, and carry the
     * newer facts' names.
     */
    public static Map<String, CellDelta> delta(CaseFacts before, CaseFacts after) {
        Map<String, CellDelta> sum = new LinkedHashMap<>();
        of(before).values().forEach(d -> merge(sum, d.cell(), d.fields(), -1));
        of(after).values().forEach(d -> merge(sum, d.cell(), d.fields(), 1));
        sum.values().forEach(d -> d.fields().values().removeIf(v -> v == 0));
        sum.values().removeIf(d -> d.fields().isEmpty());
        return sum;
    }

    /** Adds {@code sign × fields} to the cell's entry in {@code into}; the cell given last names the entry. */
    public static void merge(Map<String, CellDelta> into, CellKey cell, Map<String, Long> fields, long sign) {
        CellDelta entry = into.compute(cell.id(), (id, known) ->
                new CellDelta(cell, known == null ? new HashMap<>() : known.fields()));
        fields.forEach((field, v) -> entry.fields().merge(field, sign * v, Long::sum));
    }

    /** The areas a case lies in, from the city down; levels the case has no code for are left out. */
    public static List<AreaRef> areasOf(CaseFacts f) {
        List<AreaRef> areas = new ArrayList<>(5);
        AreaPath path = f.area();
        Optional<AreaCode> district = AreaCode.parse(path == null ? null : path.districtCode());
        if (district.isEmpty()) {
            return areas;
        }
        String city = district.get().city().value();
        areas.add(new AreaRef(AreaLevel.CITY, city, null, null));
        // A "district" code ending in 00 is the city itself (市辖区, or odd registry data): it is one area, and
        // must take the case once, not once as the city and again as the district.
        if (!city.equals(path.districtCode())) {
            areas.add(new AreaRef(AreaLevel.DISTRICT, path.districtCode(), path.districtName(), city));
        }
        String parent = path.districtCode();
        if (path.streetCode() != null) {
            areas.add(new AreaRef(AreaLevel.STREET, path.streetCode(), path.streetName(), parent));
            parent = path.streetCode();
        }
        if (path.communityCode() != null) {
            areas.add(new AreaRef(AreaLevel.COMMUNITY, path.communityCode(), path.communityName(), parent));
            parent = path.communityCode();
        }
        if (path.gridCode() != null) {
            areas.add(new AreaRef(AreaLevel.GRID, path.gridCode(), null, parent));
        }
        return areas;
    }

    private static String dimsOf(CaseFacts f) {
        return (f.category() == null ? "UNKNOWN" : f.category().name()) + "|"
                + (f.source() == null ? "UNKNOWN" : f.source().name());
    }

    private static void add(Map<String, Long> fields, String dims, Measure m, long value) {
        if (value != 0) {
            fields.merge(dims + "." + m.code(), value, Long::sum);
        }
    }

    private static void put(Map<String, CellDelta> out, List<AreaRef> areas, Instant at, Map<String, Long> fields) {
        if (at == null) {
            return;
        }
        for (AreaRef area : areas) {
            merge(out, new CellKey(area, CellKey.day(at)), fields, 1);
            merge(out, new CellKey(area, CellKey.month(at)), fields, 1);
        }
    }
}
