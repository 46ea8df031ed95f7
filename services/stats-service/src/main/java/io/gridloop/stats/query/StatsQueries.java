package io.gridloop.stats.query;

import io.gridloop.stats.StatsSettings;
import io.gridloop.stats.counting.AreaLevel;
import io.gridloop.stats.counting.AreaRef;
import io.gridloop.stats.counting.Measure;
import io.gridloop.stats.formula.Formula;
import io.gridloop.stats.formula.Formulas;
import io.gridloop.stats.ledger.KnownAreas;
import org.springframework.stereotype.Service;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
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
    public record Table(List<AreaFigures> rows, AreaFigures total) {
    }

    /**
     * Every known area of {@code level} under {@code parent} (all of them if absent), ranked by {@code rankBy},
     * and their total, labelled {@code totalName}.
     */
    public Table table(AreaLevel level, String parent, Period period, CountFilter filter, Formula rankBy,
                       String totalName) {
        List<AreaRef> rows = areas.at(level, parent);
        Map<String, Tally> tallies = cells.read(rows.stream().map(AreaRef::code).toList(), period.buckets(), filter);
        Tally sum = new Tally();
        tallies.values().forEach(sum::addAll);
        AreaFigures total = figuresOf(new AreaRef(level, parent, totalName, null), sum, totalName);
        return new Table(figures(rows, tallies, rankBy), total);
    }

    public List<AreaRef> areasAt(AreaLevel level, String parent) {
        return areas.at(level, parent);
    }

    public java.util.Optional<AreaRef> knownArea(String code) {
        return areas.get(code);
    }

    /** One area's figures, also for an area statistics have not seen (all zeros). */
    public AreaFigures area(String code, Period period, CountFilter filter) {
        AreaRef area = areas.get(code).orElse(new AreaRef(levelOfCode(code), code, null, null));
        Map<String, Tally> tallies = cells.read(List.of(code), period.buckets(), filter);
        return figures(List.of(area), tallies, null).getFirst();
    }

    /** One area's figures month by month. */
    public List<AreaFigures> months(String code, List<Period> months, CountFilter filter) {
        List<AreaFigures> out = new ArrayList<>();
        for (Period month : months) {
            out.add(area(code, month, filter));
        }
        return out;
    }

    public int minSampleSize() {
        return settings.minSampleSize();
    }

    public static int cellsToRead(int areas, Period period) {
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
            rates.put(f.code(), f.evaluate(t::get));
        }
        long sample = t.get(Measure.REPORTED);
        return new AreaFigures(area.code(), name, area.level().name(), area.parentCode(), sample, t.byCode(),
                rates, t.averageHandlingHours(), t.p90HandlingHours(), null, sample < settings.minSampleSize());
    }

    /** Competition ranking (1, 2, 2, 4) by the rate, highest first, among areas with enough cases. */
    private static List<AreaFigures> ranked(List<AreaFigures> rows, Formula rankBy) {
        List<AreaFigures> eligible = rows.stream()
                .filter(r -> !r.belowMinimumSample() && r.rates().get(rankBy.code()) != null)
                .sorted(Comparator.comparing((AreaFigures r) -> r.rates().get(rankBy.code())).reversed())
                .toList();
        Map<String, Integer> rank = new LinkedHashMap<>();
        for (int i = 0; i < eligible.size(); i++) {
            Double rate = eligible.get(i).rates().get(rankBy.code());
            boolean tie = i > 0 && rate.equals(eligible.get(i - 1).rates().get(rankBy.code()));
            rank.put(eligible.get(i).areaCode(), tie ? rank.get(eligible.get(i - 1).areaCode()) : i + 1);
        }
        return rows.stream().map(r -> new AreaFigures(r.areaCode(), r.areaName(), r.level(), r.parentCode(),
                r.sampleSize(), r.counts(), r.rates(), r.averageHandlingHours(), r.p90HandlingHours(),
                rank.get(r.areaCode()), r.belowMinimumSample())).toList();
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

    static AreaLevel levelOfCode(String code) {
        return switch (code.length()) {
            case 15 -> AreaLevel.GRID;
            case 12 -> AreaLevel.COMMUNITY;
            case 9 -> AreaLevel.STREET;
            default -> code.endsWith("00") ? AreaLevel.CITY : AreaLevel.DISTRICT;
        };
    }
}
