package io.gridloop.stats.query;

import io.gridloop.contracts.area.AreaLevel;
import io.gridloop.platform.problem.Refusal;
import io.gridloop.platform.security.Caller;
import io.gridloop.stats.access.AreaAccess;
import jakarta.validation.constraints.Pattern;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

/**
 * {@code /api/v1/stats/grid-workers}: the month's assessment of the grid workers of an area (网格员月度考核), area
 * by area, and the workers three months under the bar (待辞退预警); {@code /api/v1/stats/grid-grades}: the
 * quarter's grades of grids by rank — for the supervisors and centres of that area.
 */
@RestController
@Validated
class GridWorkerScoresController {

    private static final String AREA = "\\d{6}(\\d{3}){0,3}";
    private static final String AREA_MESSAGE = "区域编码必须是6、9、12或15位数字";

    private final GridWorkerScores scores;
    private final Clock clock;

    GridWorkerScoresController(GridWorkerScores scores, Clock clock) {
        this.scores = scores;
        this.clock = clock;
    }

    /** @param grades how many workers earned each grade (优秀, 合格, 不合格) */
    record MonthView(String areaCode, YearMonth month, Map<String, Long> grades,
                     List<GridWorkerScores.WorkerMonth> workers) {
    }

    @GetMapping("/api/v1/stats/grid-workers")
    MonthView month(@RequestParam @Pattern(regexp = AREA, message = AREA_MESSAGE) String areaCode,
                    @RequestParam @DateTimeFormat(pattern = "yyyy-MM") YearMonth month) {
        AreaAccess.checkCovered(areaCode);
        List<GridWorkerScores.WorkerMonth> workers = scores.of(areaCode, month);
        return new MonthView(areaCode, month, GridWorkerScores.gradeCounts(workers), workers);
    }

    /** 我的考核: the signed-in grid worker's own month. */
    @GetMapping("/api/v1/stats/grid-workers/me")
    GridWorkerScores.WorkerMonth mine(@RequestParam @DateTimeFormat(pattern = "yyyy-MM") YearMonth month) {
        return scores.ofWorker(Caller.current().id(), month);
    }

    @GetMapping("/api/v1/stats/grid-workers/summary")
    GridWorkerScores.Summary summary(@RequestParam @Pattern(regexp = AREA, message = AREA_MESSAGE) String areaCode,
                                     @RequestParam @DateTimeFormat(pattern = "yyyy-MM") YearMonth month) {
        AreaAccess.checkCovered(areaCode);
        return scores.summary(areaCode, month);
    }

    /**
     * 网格季度考核: the grids (or communities) under {@code parent} graded for a quarter by rank, with the quota of
     * 优秀.
     */
    @GetMapping("/api/v1/stats/grid-grades")
    GridWorkerScores.QuarterView quarterGrades(
            @RequestParam(defaultValue = "grid") String level,
            @RequestParam @Pattern(regexp = "\\d{6}(\\d{3}){0,2}", message = "上级区划代码必须是6、9或12位数字")
            String parent,
            @RequestParam(required = false) String period) {
        AreaLevel graded = switch (level) {
            case "grid" -> AreaLevel.GRID;
            case "community" -> AreaLevel.COMMUNITY;
            default -> throw new Refusal(Refusal.Kind.MALFORMED, "UNSUPPORTED_LEVEL", "不支持的考核层级",
                    "level 只能是 grid（网格）或 community（社区）：" + level);
        };
        AreaAccess.checkCovered(parent);
        Period quarter = StatsRequest.period(period == null || period.isBlank()
                ? Period.currentText(Period.Kind.QUARTER, clock) : period.trim());
        if (quarter.kind() != Period.Kind.QUARTER) {
            throw new Refusal(Refusal.Kind.MALFORMED, "BAD_PERIOD", "统计周期不符",
                    "网格按季度考核，period 须为一个季度（如 2026-Q1）：" + period);
        }
        return scores.quarterGrades(parent, graded, quarter);
    }

    /** @param months the months judged, oldest first, ending with the month asked */
    record WarningsView(String areaCode, List<YearMonth> months, List<GridWorkerScores.Warning> workers) {
    }

    @GetMapping("/api/v1/stats/grid-workers/dismissal-warnings")
    WarningsView warnings(@RequestParam @Pattern(regexp = AREA, message = AREA_MESSAGE) String areaCode,
                          @RequestParam @DateTimeFormat(pattern = "yyyy-MM") YearMonth month) {
        AreaAccess.checkCovered(areaCode);
        List<YearMonth> months = new java.util.ArrayList<>();
        for (int back = GridWorkerScores.WARNING_MONTHS - 1; back >= 0; back--) {
            months.add(month.minusMonths(back));
        }
        return new WarningsView(areaCode, months, scores.dismissalWarnings(areaCode, month));
    }
}
