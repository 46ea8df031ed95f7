package io.gridloop.stats.query;

import io.gridloop.contracts.event.PatrolKind;
import io.gridloop.platform.problem.Refusal;
import io.gridloop.contracts.area.AreaCode;
import io.gridloop.contracts.area.AreaLevel;
import io.gridloop.stats.areas.KnownAreas;
import io.gridloop.stats.assessment.Grade;
import io.gridloop.stats.assessment.GridWorkerRoster;
import io.gridloop.stats.assessment.Measure;
import io.gridloop.stats.assessment.QuarterGrade;
import io.gridloop.stats.assessment.QuarterGrades;
import io.gridloop.stats.StatsSettings;
import io.gridloop.stats.assessment.MonthMeasures;
import io.gridloop.stats.assessment.PatrolLog;
import io.gridloop.stats.assessment.RuleBook;
import io.gridloop.stats.assessment.ScoringRules;
import io.gridloop.stats.counting.AreaRef;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * 网格员月度考核: every grid worker on the roster of an area, their month's measures (from their own cells, their
 * grids' cells and their patrols), and the score and grade those earn under the rules in force for the month where
 * their grids lie; and the 待辞退预警 list — workers graded 不合格 three months running ("连续 3 个月考核不合格予以
 * 辞退"). A worker whose area has no rules for a month has measures but no score: that month warns nobody.
 */
@Component
class GridWorkerScores {

    /** How many months under the bar in a row make a warning. */
    static final int WARNING_MONTHS = 3;

    private final GridWorkerRoster roster;
    private final CellReader cells;
    private final PatrolLog patrols;
    private final RuleBook rules;
    private final KnownAreas areas;
    private final StatsQueries queries;
    private final StatsSettings settings;

    GridWorkerScores(GridWorkerRoster roster, CellReader cells, PatrolLog patrols, RuleBook rules, KnownAreas areas,
                     StatsQueries queries, StatsSettings settings) {
        this.settings = settings;
        this.roster = roster;
        this.cells = cells;
        this.patrols = patrols;
        this.rules = rules;
        this.areas = areas;
        this.queries = queries;
    }

    /**
     * One worker's month.
     *
     * @param rules  the rules scored by, as {@code <programme>@v<version>}; absent with {@code score}
     * @param score  absent when no rules are in force for the month where the worker's grids lie
     */
    record WorkerMonth(String workerId, String name, List<String> gridCodes, YearMonth month,
                       Map<Measure, Long> measures, String rules, ScoringRules.Score score) {

        boolean unqualified() {
            return score != null && score.grade() == Grade.UNQUALIFIED;
        }
    }

    /** A worker under the bar {@link #WARNING_MONTHS} months running, up to and including the month asked. */
    record Warning(String workerId, String name, List<String> gridCodes, List<WorkerMonth> months) {
    }

    /** Every worker on the roster of {@code areaCode}, scored for {@code month}, in the roster's order. */
    List<WorkerMonth> of(String areaCode, YearMonth month) {
        return scored(assessedIn(roster.in(AreaCode.of(areaCode).prefix()), month), month);
    }

    /** One worker's month, for the worker themselves; 404 when they are not on the roster, or not yet then. */
    WorkerMonth ofWorker(String workerId, YearMonth month) {
        GridWorkerRoster.GridWorker worker = roster.find(workerId).orElseThrow(() -> Refusal.notFound(
                "NOT_ON_ROSTER", "不在花名册中", "您不在网格员花名册中，暂无月度考核；请联系管理员"));
        if (!worker.assessedIn(month)) {
            throw Refusal.notFound("NOT_ASSESSED_THEN", "该月不参加考核",
                    "您自 " + worker.since() + " 起参加月度考核，" + month + " 没有考核");
        }
        return scored(List.of(worker), month).getFirst();
    }

    /** The workers assessed for {@code month}: on the roster from then or earlier. */
    private static List<GridWorkerRoster.GridWorker> assessedIn(List<GridWorkerRoster.GridWorker> workers,
                                                               YearMonth month) {
        return workers.stream().filter(w -> w.assessedIn(month)).toList();
    }

    List<Warning> dismissalWarnings(String areaCode, YearMonth month) {
        // Only workers on the roster all three months: a month before one joined is no failed month.
        List<GridWorkerRoster.GridWorker> workers = assessedIn(roster.in(AreaCode.of(areaCode).prefix()),
                month.minusMonths(WARNING_MONTHS - 1));
        List<List<WorkerMonth>> byMonth = new ArrayList<>();
        for (int back = WARNING_MONTHS - 1; back >= 0; back--) {
            byMonth.add(scored(workers, month.minusMonths(back)));
        }
        List<Warning> out = new ArrayList<>();
        for (int i = 0; i < workers.size(); i++) {
            int at = i;
            List<WorkerMonth> months = byMonth.stream().map(m -> m.get(at)).toList();
            if (months.stream().allMatch(WorkerMonth::unqualified)) {
                GridWorkerRoster.GridWorker w = workers.get(i);
                out.add(new Warning(w.id(), w.name(), w.gridCodes(), months));
            }
        }
        return out;
    }

    private List<WorkerMonth> scored(List<GridWorkerRoster.GridWorker> workers, YearMonth month) {
        String bucket = month.toString();
        Map<String, Map<String, Map<String, Long>>> own = cells.byDims(
                workers.stream().map(w -> AreaRef.gridWorkerCode(w.id())).toList(), bucket);
        Map<String, Map<String, Map<String, Long>>> grids = cells.byDims(
                workers.stream().flatMap(w -> w.gridCodes().stream()).toList(), bucket);
        Map<String, Map<PatrolKind, Long>> patrolled = patrols.of(workers.stream()
                .map(GridWorkerRoster.GridWorker::id).toList(), month);
        // Rules are a programme's (a street's, district's or city's): one lookup per street serves its workers.
        Map<String, Optional<RuleBook.Version>> rulesByStreet = new HashMap<>();
        List<WorkerMonth> out = new ArrayList<>(workers.size());
        for (GridWorkerRoster.GridWorker w : workers) {
            Map<String, Map<String, Long>> gridCases = new HashMap<>();
            for (String grid : w.gridCodes()) {
                grids.getOrDefault(grid, Map.of()).forEach((dims, counts) -> counts.forEach((m, n) ->
                        gridCases.computeIfAbsent(dims, d -> new HashMap<>()).merge(m, n, Long::sum)));
            }
            Map<Measure, Long> measures = MonthMeasures.of(own.getOrDefault(AreaRef.gridWorkerCode(w.id()), Map.of()),
                    gridCases, patrolled.getOrDefault(w.id(), Map.of()));
            // A worker of grids in several streets is scored by the programme of their first grid.
            String street = w.gridCodes().getFirst().substring(0, 9);
            Optional<RuleBook.Version> version = rulesByStreet.computeIfAbsent(street,
                    s -> rules.inForce(w.gridCodes().getFirst(), month));
            out.add(new WorkerMonth(w.id(), w.name(), w.gridCodes(), month, measures,
                    version.map(v -> v.programme() + "@v" + v.version()).orElse(null),
                    version.map(v -> v.rules().score(measures)).orElse(null)));
        }
        return out;
    }

    /**
     * The grades of one area's workers (考核汇总): how many, how many earned each grade, how many have no score (no
     * rules in force), and the mean of the scores there are.
     */
    record Group(String areaCode, String areaName, long workers, long excellent, long qualified, long unqualified,
                 long unscored, BigDecimal averageScore) {

        static Group of(String code, String name, List<WorkerMonth> months) {
            List<BigDecimal> totals = months.stream().filter(m -> m.score() != null).map(m -> m.score().total())
                    .toList();
            return new Group(code, name, months.size(), graded(months, Grade.EXCELLENT), graded(months, Grade.QUALIFIED),
                    graded(months, Grade.UNQUALIFIED), months.size() - totals.size(), meanOf(totals));
        }

        private static long graded(List<WorkerMonth> months, Grade grade) {
            return months.stream().filter(m -> m.score() != null && m.score().grade() == grade).count();
        }
    }

    /**
     * @param childLevel the level of the rows: the areas one level down (a city's districts…; a grid's own row for a
     *                   grid)
     * @param total      the area's workers, each once (a worker serving grids in two rows is in both)
     */
    record Summary(String areaCode, String areaName, YearMonth month, String childLevel, String childLevelLabel,
                   List<Group> rows, Group total) {
    }

    /** One month's grades of {@code areaCode}'s workers, area by area one level down: the drill-down's step. */
    Summary summary(String areaCode, YearMonth month) {
        List<WorkerMonth> all = of(areaCode, month);
        AreaLevel level = AreaCode.of(areaCode).level();
        AreaLevel child = switch (level) {
            case CITY -> AreaLevel.DISTRICT;
            case DISTRICT -> AreaLevel.STREET;
            case STREET -> AreaLevel.COMMUNITY;
            case COMMUNITY, GRID -> AreaLevel.GRID;
        };
        List<String> codes = level == AreaLevel.GRID ? List.of(areaCode)
                : areas.at(child, areaCode).stream().map(AreaRef::code).toList();
        List<Group> rows = new ArrayList<>(codes.size());
        for (String code : codes) {
            String prefix = AreaCode.of(code).prefix();
            rows.add(Group.of(code, queries.nameOf(code),
                    all.stream().filter(m -> m.gridCodes().stream().anyMatch(g -> g.startsWith(prefix))).toList()));
        }
        String name = queries.nameOf(areaCode);
        return new Summary(areaCode, name, month, child.name(), child.label(), rows, Group.of(areaCode, name, all));
    }

    /**
     * One grid's (or community's) quarter.
     *
     * @param workers      the workers on the roster who serve it
     * @param score        the mean of its workers' monthly scores in the quarter; absent when none was scored
     * @param validReports its workers' valid reports of the quarter
     * @param rank         its place; absent, like the grade, without a score
     */
    record AreaGrade(String areaCode, String areaName, long workers, BigDecimal score, long validReports,
                     Integer rank, QuarterGrade grade, String gradeLabel) {
    }

    /**
     * @param excellentQuota how many may be 优秀: the configured share of the graded areas, rounded down
     * @param tieRule        how equal scores are ordered
     */
    record QuarterView(String parent, String parentName, String level, String period, String periodLabel,
                       BigDecimal excellentShare, int excellentQuota, String tieRule, List<AreaGrade> rows) {
    }

    /**
     * The quarter's grades of the grids (or communities) under {@code parent}: each scored by the mean of its
     * workers' monthly scores, ranked, the configured share of them 优秀 ({@link QuarterGrades}).
     */
    QuarterView quarterGrades(String parent, AreaLevel level, Period quarter) {
        List<GridWorkerRoster.GridWorker> workers = roster.in(AreaCode.of(parent).prefix());
        List<WorkerMonth> months = new ArrayList<>();
        for (YearMonth m = YearMonth.from(quarter.first()); !m.isAfter(YearMonth.from(quarter.last()));
             m = m.plusMonths(1)) {
            months.addAll(scored(assessedIn(workers, m), m));
        }
        YearMonth last = YearMonth.from(quarter.last());
        Map<String, AreaGrade> unscored = new LinkedHashMap<>();
        List<QuarterGrades.Candidate> candidates = new ArrayList<>();
        for (AreaRef area : areas.at(level, parent)) {
            List<WorkerMonth> its = months.stream().filter(m -> m.gridCodes().stream()
                    .anyMatch(g -> g.startsWith(area.code()))).toList();
            List<BigDecimal> totals = its.stream().filter(m -> m.score() != null).map(m -> m.score().total()).toList();
            long validReports = its.stream().mapToLong(m -> m.measures().get(Measure.VALID_REPORTS)).sum();
            Optional<RuleBook.Version> rulesThen = rules.inForce(area.code(), last);
            if (totals.isEmpty() || rulesThen.isEmpty()) {
                unscored.put(area.code(), new AreaGrade(area.code(), queries.nameOf(area), its.stream()
                        .map(WorkerMonth::workerId).distinct().count(), null, validReports, null, null, null));
                continue;
            }
            candidates.add(new QuarterGrades.Candidate(area.code(), meanOf(totals), validReports,
                    rulesThen.get().rules().qualifiedAt()));
        }
        BigDecimal share = settings.gridGrades().shareOf(level.name().toLowerCase(java.util.Locale.ROOT));
        List<AreaGrade> rows = new ArrayList<>();
        for (QuarterGrades.Graded g : QuarterGrades.grade(candidates, share)) {
            String code = g.candidate().code();
            long staffed = workers.stream().filter(w -> w.serves(code)).count();
            rows.add(new AreaGrade(code, queries.nameOf(code), staffed, g.candidate().score(),
                    g.candidate().validReports(), g.rank(), g.grade(), g.grade().label()));
        }
        rows.addAll(unscored.values());
        return new QuarterView(parent, queries.nameOf(parent), level.name(), quarter.text(), quarter.label(), share,
                QuarterGrades.quota(candidates.size(), share), QuarterGrades.TIE_RULE, rows);
    }

    /** The mean of {@code scores} to one decimal, as scores are shown; absent for none. */
    static BigDecimal meanOf(List<BigDecimal> scores) {
        return scores.isEmpty() ? null : scores.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                .divide(BigDecimal.valueOf(scores.size()), 1, RoundingMode.HALF_UP);
    }

    /** How many workers earned each grade (none: no rules), for the page's headline. */
    static Map<String, Long> gradeCounts(List<WorkerMonth> months) {
        Map<String, Long> out = new LinkedHashMap<>();
        for (Grade g : Grade.values()) {
            out.put(g.name(), months.stream().filter(m -> m.score() != null && m.score().grade() == g).count());
        }
        return out;
    }
}
