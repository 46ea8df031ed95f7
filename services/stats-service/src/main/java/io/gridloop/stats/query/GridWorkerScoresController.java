package io.gridloop.stats.query;

import io.gridloop.stats.access.AreaAccess;
import jakarta.validation.constraints.Pattern;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;

/**
 * {@code /api/v1/stats/grid-workers}: the month's assessment of the grid workers of an area (网格员月度考核) and the
 * workers three months under the bar (待辞退预警), for the supervisors and centres of that area.
 */
@RestController
@Validated
@RequestMapping("/api/v1/stats/grid-workers")
class GridWorkerScoresController {

    private static final String AREA = "\\d{6}(\\d{3}){0,3}";
    private static final String AREA_MESSAGE = "区域编码必须是6、9、12或15位数字";

    private final GridWorkerScores scores;

    GridWorkerScoresController(GridWorkerScores scores) {
        this.scores = scores;
    }

    /** @param grades how many workers earned each grade (优秀, 合格, 不合格) */
    record MonthView(String areaCode, YearMonth month, Map<String, Long> grades,
                     List<GridWorkerScores.WorkerMonth> workers) {
    }

    @GetMapping
    MonthView month(@RequestParam @Pattern(regexp = AREA, message = AREA_MESSAGE) String areaCode,
                    @RequestParam @DateTimeFormat(pattern = "yyyy-MM") YearMonth month) {
        AreaAccess.checkCovered(areaCode);
        List<GridWorkerScores.WorkerMonth> workers = scores.of(areaCode, month);
        return new MonthView(areaCode, month, GridWorkerScores.gradeCounts(workers), workers);
    }

    @GetMapping("/summary")
    GridWorkerScores.Summary summary(@RequestParam @Pattern(regexp = AREA, message = AREA_MESSAGE) String areaCode,
                                     @RequestParam @DateTimeFormat(pattern = "yyyy-MM") YearMonth month) {
        AreaAccess.checkCovered(areaCode);
        return scores.summary(areaCode, month);
    }

    /** @param months the months judged, oldest first, ending with the month asked */
    record WarningsView(String areaCode, List<YearMonth> months, List<GridWorkerScores.Warning> workers) {
    }

    @GetMapping("/dismissal-warnings")
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
