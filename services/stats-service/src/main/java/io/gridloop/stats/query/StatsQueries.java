package io.gridloop.stats.query;

import io.gridloop.platform.problem.Refusal;
import io.gridloop.contracts.area.AreaCode;
import io.gridloop.contracts.event.EventCategory;
import io.gridloop.contracts.event.ReportSource;
import io.gridloop.stats.StatsSettings;
import io.gridloop.contracts.area.AreaLevel;
import io.gridloop.stats.counting.AreaRef;
import io.gridloop.stats.counting.Measure;
import io.gridloop.stats.formula.Formula;
import io.gridloop.stats.formula.Formulas;
import io.gridloop.stats.areas.KnownAreas;
import org.springframework.stereotype.Service;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.function.Predicate;
import java.util.Map;

/** Figures per area and period, computed from the stored cells with the configured formulas. */
@Service
public class StatsQueries {

    /** Reading more cells than this for one answer means the question should be narrowed. */
    static final int MAX_CELLS = 20_000;

    private final CellReader cells;
    private final KnownAreas areas;
    private final Formulas formulas;
    private final StatsSettings settings;

    StatsQueries(CellReader cells, KnownAreas areas, Formulas formulas, StatsSettings settings) {
        this.cells = cells;
        this.areas = areas;
        this.formulas = formulas;
        this.settings = settings;
    }

    /** Rows and their sum. */
    private record Table(List<AreaFigures> rows, AreaFigures total) {
    }

    /**
     * The table a request asks for: every known area of its level under its parent, ranked, and their total.
     *
     * @throws Refusal 400 {@code QUERY_TOO_BROAD} when it would add up more than {@link #MAX_CELLS} cells
     */
    public StatsTable table(StatsRequest r) {
        return table(r, code -> true);
    }

    /**
     * The table as a caller who may see only the areas {@code visible} accepts sees it: other rows are left out,
     * and the ranks and the total are those of the rows shown.
     */
    public StatsTable table(StatsRequest r, Predicate<String> visible) {
        int cells = cellsToRead((int) areas.at(r.level(), r.parent()).stream().filter(a -> visible.test(a.code()))
                .count(), r.period());
        if (cells > MAX_CELLS) {
            throw new Refusal(Refusal.Kind.MALFORMED, "QUERY_TOO_BROAD", "查询范围过大",
                    "该查询需要汇总 " + cells + " 个统计单元，请用 parent 限定上级区域或缩短统计周期")
                    .with("limit", MAX_CELLS);
        }
        String parentName = r.parent() == null ? "合计" : areas.get(r.parent()).map(this::nameOf).orElse(r.parent());
        Table t = table(r.level(), r.parent(), r.period(), r.filter(), r.rankBy(),
                parentName == null ? r.parent() : parentName, visible);
        return new StatsTable(r.level().name().toLowerCase(), r.level().label(), r.parent(), parentName,
                r.period().text(), r.period().label(),
                r.filter().category() == null ? null : r.filter().category().name(),
                r.filter().source() == null ? null : r.filter().source().name(),
                r.rankBy().code(), settings.minSampleSize(), t.rows(), t.total());
    }

    /**
     * Every known area of {@code level} under {@code parent} (all of them if absent), ranked by {@code rankBy},
     * and their total, labelled {@code totalName}.
     */
    private Table table(AreaLevel level, String parent, Period period, CountFilter filter, Formula rankBy,
                        String totalName, Predicate<String> visible) {
        List<AreaRef> rows = areas.at(level, parent).stream().filter(a -> visible.test(a.code())).toList();
        Map<String, Tally> tallies = cells.read(rows.stream().map(AreaRef::code).toList(), period.buckets(), filter);
        Tally sum = new Tally();
        tallies.values().forEach(sum::addAll);
        AreaFigures total = figuresOf(new AreaRef(level, parent, totalName, null), sum, totalName);
        return new Table(figures(rows, tallies, rankBy), total);
    }

    public List<AreaRef> areasAt(AreaLevel level, String parent) {
        return areas.at(level, parent);
    }

    /** The area as statistics know it, or a bare one named by its code. */
    private AreaRef areaOf(String code) {
        return areas.get(code).orElse(new AreaRef(
                AreaCode.parse(code).map(AreaCode::level).orElse(AreaLevel.DISTRICT), code, null, null));
    }

    /** One area's figures, also for an area statistics have not seen (all zeros). */
    public AreaFigures area(String code, Period period, CountFilter filter) {
        AreaRef area = areaOf(code);
        Map<String, Tally> tallies = cells.read(List.of(code), period.buckets(), filter);
        return figures(List.of(area), tallies, null).getFirst();
    }

    /** One part of a split: a category or a source, its Chinese name, and the area's reports of it. */
    public record Slice(String code, String name, long reported) {
    }

    /** An area's reports of a period by category and by source (every value, also those with none). */
    public record Split(String areaCode, String areaName, String period, String periodLabel, List<Slice> categories,
                        List<Slice> sources) {
    }

    /** The split of {@code code}'s reports in {@code period}: one read of its cells, whatever the values. */
    public Split split(String code, Period period) {
        AreaRef area = areaOf(code);
        Map<String, Long> byDims = cells.reportedByDims(code, period.buckets());
        Map<String, Long> byCategory = new HashMap<>();
        Map<String, Long> bySource = new HashMap<>();
        byDims.forEach((dims, n) -> {
            int bar = dims.indexOf('|');
            byCategory.merge(bar < 0 ? dims : dims.substring(0, bar), n, Long::sum);
            bySource.merge(bar < 0 ? "" : dims.substring(bar + 1), n, Long::sum);
        });
        return new Split(code, nameOf(area), period.text(), period.label(),
                Arrays.stream(EventCategory.values())
                        .map(c -> new Slice(c.name(), c.label(), byCategory.getOrDefault(c.name(), 0L))).toList(),
                Arrays.stream(ReportSource.values())
                        .map(s -> new Slice(s.name(), s.label(), bySource.getOrDefault(s.name(), 0L))).toList());
    }

    /** One area's figures month by month, read at once. */
    public List<AreaFigures> months(String code, List<Period> months, CountFilter filter) {
        AreaRef area = areaOf(code);
        Map<String, Tally> byMonth = cells.readEach(code, months.stream().map(Period::text).toList(), filter);
        List<AreaFigures> out = new ArrayList<>(months.size());
        for (Period month : months) {
            out.add(figuresOf(area, byMonth.get(month.text()), nameOf(area)));
        }
        return out;
    }

    private static int cellsToRead(int areas, Period period) {
        return areas * (period.buckets().size() + 1);
    }

    private List<AreaFigures> figures(List<AreaRef> rows, Map<String, Tally> tallies, Formula rankBy) {
        List<AreaFigures> out = new ArrayList<>(rows.size());
        for (AreaRef area : rows) {
            out.add(figuresOf(area, tallies.get(area.code()), nameOf(area)));
        }
        return rankBy == null ? out : ranked(out, rankBy);
    }

    private AreaFigures figuresOf(AreaRef area, Tally t, String name) {
        Map<String, Double> rates = new LinkedHashMap<>();
        for (Formula f : formulas.formulas()) {
            rates.put(f.code(), formulas.evaluate(f, t::get));
        }
        long sample = t.get(Measure.REPORTED);
        return new AreaFigures(area.code(), name, area.level().name(), area.parentCode(), sample, t.byCode(),
                rates, t.averageHandlingHours(), t.p90HandlingHours(), null, sample < settings.minSampleSize());
    }

    /**
     * Competition ranking (1, 2, 2, 4) by the rate, highest first, among areas with enough cases — and only where
     * two or more have: one area alone is "first" of nothing. Rows come in rank order, then the unranked by
     * reports (most first) and code.
     */
    private static List<AreaFigures> ranked(List<AreaFigures> rows, Formula rankBy) {
        List<AreaFigures> eligible = rows.stream()
                .filter(r -> !r.belowMinimumSample() && r.rates().get(rankBy.code()) != null)
                .sorted(Comparator.comparing((AreaFigures r) -> r.rates().get(rankBy.code())).reversed()
                        .thenComparing(AreaFigures::areaCode))
                .toList();
        if (eligible.size() < 2) {
            eligible = List.of();
        }
        Map<String, Integer> rank = new LinkedHashMap<>();
        for (int i = 0; i < eligible.size(); i++) {
            Double rate = eligible.get(i).rates().get(rankBy.code());
            boolean tie = i > 0 && rate.equals(eligible.get(i - 1).rates().get(rankBy.code()));
            rank.put(eligible.get(i).areaCode(), tie ? rank.get(eligible.get(i - 1).areaCode()) : i + 1);
        }
        return rows.stream().map(r -> new AreaFigures(r.areaCode(), r.areaName(), r.level(), r.parentCode(),
                r.sampleSize(), r.counts(), r.rates(), r.averageHandlingHours(), r.p90HandlingHours(),
                rank.get(r.areaCode()), r.belowMinimumSample()))
                .sorted(Comparator.comparing((AreaFigures r) -> r.rank() == null ? Integer.MAX_VALUE : r.rank())
                        .thenComparing(AreaFigures::sampleSize, Comparator.reverseOrder())
                        .thenComparing(AreaFigures::areaCode))
                .toList();
    }

    /** The name statistics know for {@code code}, or the code itself for an area they do not know. */
    public String nameOf(String code) {
        return areas.get(code).map(this::nameOf).orElse(code);
    }

    public String nameOf(AreaRef area) {
        if (area.level() == AreaLevel.CITY) {
            return settings.cityNames().getOrDefault(area.code(), area.name());
        }
        if (area.level() == AreaLevel.GRID && area.name() == null) {
            return "网格" + area.code();
        }
        return area.name();
    }

}
