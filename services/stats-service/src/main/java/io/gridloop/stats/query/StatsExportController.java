package io.gridloop.stats.query;

import io.gridloop.platform.security.Caller;
import io.gridloop.platform.web.ApiException;
import io.gridloop.stats.access.AreaAccess;
import io.gridloop.stats.counting.CellKey;
import io.gridloop.stats.counting.Measure;
import io.gridloop.stats.export.CsvExport;
import io.gridloop.stats.export.Sheet;
import io.gridloop.stats.export.XlsxExport;
import io.gridloop.stats.formula.Formula;
import io.gridloop.stats.formula.Formulas;
import jakarta.validation.constraints.Pattern;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/** The statistics table as a file for the monthly report: CSV or Excel, with Chinese headers. */
@RestController
@Validated
class StatsExportController {

    static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final StatsQueries tables;
    private final Formulas formulas;
    private final ZeroComplaints zeroComplaints;
    private final GridWorkerScores gridWorkers;
    private final Clock clock;

    StatsExportController(StatsQueries tables, Formulas formulas, ZeroComplaints zeroComplaints,
                          GridWorkerScores gridWorkers, Clock clock) {
        this.zeroComplaints = zeroComplaints;
        this.gridWorkers = gridWorkers;
        this.tables = tables;
        this.formulas = formulas;
        this.clock = clock;
    }

    @GetMapping("/api/v1/stats/completion/export")
    ResponseEntity<byte[]> export(@RequestParam(defaultValue = "xlsx") String format,
                                  @RequestParam(defaultValue = "district") String level,
                                  @RequestParam(required = false) String parent,
                                  @RequestParam(required = false) String period,
                                  @RequestParam(required = false) String category,
                                  @RequestParam(required = false) String source,
                                  @RequestParam(required = false) String rankBy) {
        checkFormat(format);
        StatsRequest request = StatsRequest.of(level, parent, period, category, source, rankBy, formulas, clock);
        StatsTable table = tables.table(request, AreaAccess.checkParent(request.parent())::covers);
        Sheet sheet = sheetOf(table);
        return file(format, new Sheet(sheet.title(), "全部指标", heading(table), sheet.columns(), sheet.rows()),
                List.of(onScreen(table, heading(table))));
    }

    /**
     * 零投诉社区奖励表, as the finance office files it: the communities by street with their kind and reward, a 小计
     * per street and the 合计 — the figures of {@code GET /api/v1/stats/zero-complaint}.
     */
    @GetMapping("/api/v1/stats/zero-complaint/export")
    ResponseEntity<byte[]> exportZeroComplaint(@RequestParam(defaultValue = "xlsx") String format,
                                               @RequestParam(required = false) String period,
                                               @RequestParam(required = false) String parent) {
        checkFormat(format);
        ZeroComplaints.ZeroComplaint zero = zeroComplaints.of(period, parent);
        String title = (zero.parent() == null ? "" : zero.parentName()) + "零投诉社区奖励表（" + zero.periodLabel() + "）";
        List<String> heading = heading(title);
        List<Sheet.Column> columns = List.of(new Sheet.Column("序号", Sheet.Kind.COUNT),
                new Sheet.Column("街道（乡镇）", Sheet.Kind.TEXT), new Sheet.Column("社区（村）", Sheet.Kind.TEXT),
                new Sheet.Column("区划代码", Sheet.Kind.TEXT), new Sheet.Column("类别", Sheet.Kind.TEXT),
                new Sheet.Column("奖励金额（元）", Sheet.Kind.COUNT));
        List<List<Object>> rows = new ArrayList<>();
        int number = 0;
        for (ZeroComplaints.StreetTotal street : zero.byStreet()) {
            for (ZeroComplaints.Reward r : zero.rewards()) {
                if (r.streetCode().equals(street.streetCode())) {
                    rows.add(new ArrayList<>(List.of(++number, r.streetName(), r.communityName(), r.communityCode(),
                            r.communityType(), r.amount())));
                }
            }
            rows.add(java.util.Arrays.asList(null, street.streetName() + " 小计", street.communities() + "个", "", "",
                    street.amount()));
        }
        rows.add(java.util.Arrays.asList(null, "合计", zero.rewards().size() + "个", "", "", zero.totalAmount()));
        return file(format, new Sheet(title, "零投诉社区奖励", heading, columns, rows), List.of());
    }

    /**
     * 网格员月度考核表: every worker on the roster of the area with the month's measures, score and grade — the
     * figures of {@code GET /api/v1/stats/grid-workers}.
     */
    @GetMapping("/api/v1/stats/grid-workers/export")
    ResponseEntity<byte[]> exportGridWorkers(@RequestParam(defaultValue = "xlsx") String format,
                                             @RequestParam @Pattern(regexp = AREA, message = AREA_MESSAGE)
                                             String areaCode,
                                             @RequestParam @DateTimeFormat(pattern = "yyyy-MM") YearMonth month) {
        checkFormat(format);
        AreaAccess.checkCovered(areaCode);
        String title = tables.nameOf(areaCode) + "网格员月度考核表（" + monthLabel(month) + "）";
        List<Sheet.Column> columns = new ArrayList<>(List.of(new Sheet.Column("序号", Sheet.Kind.COUNT),
                new Sheet.Column("姓名", Sheet.Kind.TEXT), new Sheet.Column("账号", Sheet.Kind.TEXT),
                new Sheet.Column("街道（乡镇）", Sheet.Kind.TEXT), new Sheet.Column("社区（村）", Sheet.Kind.TEXT),
                new Sheet.Column("网格", Sheet.Kind.TEXT)));
        for (io.gridloop.stats.assessment.Measure m : ASSESSED) {
            columns.add(new Sheet.Column(m.penalty() ? m.label() + "（扣分项）" : m.label(), Sheet.Kind.COUNT));
        }
        columns.addAll(List.of(new Sheet.Column("得分", Sheet.Kind.DECIMAL), new Sheet.Column("等次", Sheet.Kind.TEXT),
                new Sheet.Column("评分规则", Sheet.Kind.TEXT)));
        List<List<Object>> rows = new ArrayList<>();
        int number = 0;
        for (GridWorkerScores.WorkerMonth w : gridWorkers.of(areaCode, month)) {
            String grid = w.gridCodes().getFirst();
            List<Object> row = new ArrayList<>(List.of(++number, w.name(), w.workerId(),
                    tables.nameOf(grid.substring(0, 9)), tables.nameOf(grid.substring(0, 12)),
                    String.join("、", w.gridCodes())));
            for (io.gridloop.stats.assessment.Measure m : ASSESSED) {
                row.add(w.measures().get(m));
            }
            row.add(w.score() == null ? null : w.score().total());
            row.add(w.score() == null ? "无适用规则" : w.score().grade().label());
            row.add(w.rules() == null ? "" : w.rules());
            rows.add(row);
        }
        return file(format, new Sheet(title, "网格员月度考核", heading(title), columns, rows), List.of());
    }

    /**
     * 考核汇总表: the month's grades of the area's workers, area by area one level down, and the 合计 — the figures
     * of {@code GET /api/v1/stats/grid-workers/summary}.
     */
    @GetMapping("/api/v1/stats/grid-workers/summary/export")
    ResponseEntity<byte[]> exportGridWorkerSummary(@RequestParam(defaultValue = "xlsx") String format,
                                                   @RequestParam @Pattern(regexp = AREA, message = AREA_MESSAGE)
                                                   String areaCode,
                                                   @RequestParam @DateTimeFormat(pattern = "yyyy-MM")
                                                   YearMonth month) {
        checkFormat(format);
        AreaAccess.checkCovered(areaCode);
        GridWorkerScores.Summary summary = gridWorkers.summary(areaCode, month);
        String title = summary.areaName() + "网格员考核汇总表（" + monthLabel(month) + "）";
        List<Sheet.Column> columns = List.of(new Sheet.Column("序号", Sheet.Kind.COUNT),
                new Sheet.Column(summary.childLevelLabel(), Sheet.Kind.TEXT),
                new Sheet.Column("区划代码", Sheet.Kind.TEXT), new Sheet.Column("网格员数", Sheet.Kind.COUNT),
                new Sheet.Column("优秀", Sheet.Kind.COUNT), new Sheet.Column("合格", Sheet.Kind.COUNT),
                new Sheet.Column("不合格", Sheet.Kind.COUNT), new Sheet.Column("未评分", Sheet.Kind.COUNT),
                new Sheet.Column("平均分", Sheet.Kind.DECIMAL));
        List<List<Object>> rows = new ArrayList<>();
        int number = 0;
        for (GridWorkerScores.Group g : summary.rows()) {
            rows.add(java.util.Arrays.asList(++number, g.areaName(), g.areaCode(), g.workers(), g.excellent(),
                    g.qualified(), g.unqualified(), g.unscored(), g.averageScore()));
        }
        GridWorkerScores.Group t = summary.total();
        rows.add(java.util.Arrays.asList(null, "合计", "", t.workers(), t.excellent(), t.qualified(), t.unqualified(),
                t.unscored(), t.averageScore()));
        return file(format, new Sheet(title, "考核汇总", heading(title), columns, rows), List.of());
    }

    /** What a grid worker is assessed by (the counting's measures share the name). */
    private static final List<io.gridloop.stats.assessment.Measure> ASSESSED =
            List.of(io.gridloop.stats.assessment.Measure.values());
    private static final String AREA = "\\d{6}(\\d{3}){0,3}";
    private static final String AREA_MESSAGE = "区域编码必须是6、9、12或15位数字";

    private static String monthLabel(YearMonth month) {
        return month.getYear() + "年" + month.getMonthValue() + "月";
    }

    /** A printed form's heading: its title, who made it, when (Beijing time). */
    private List<String> heading(String title) {
        return List.of(title, "制表单位：" + Caller.find().map(Caller::name).orElse("网格化服务管理平台"),
                "制表时间：" + STAMP.format(clock.instant()) + "（北京时间）");
    }

    private static void checkFormat(String format) {
        if (!format.equals("csv") && !format.equals("xlsx")) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "UNSUPPORTED_FORMAT", "不支持的导出格式",
                    "format 只能是 csv 或 xlsx：" + format).with("formats", List.of("csv", "xlsx"));
        }
    }

    /** {@code sheet} as a download: CSV of it alone, or Excel with {@code before} as the first sheets. */
    private static ResponseEntity<byte[]> file(String format, Sheet sheet, List<Sheet> before) {
        boolean csv = format.equals("csv");
        List<Sheet> sheets = new ArrayList<>(before);
        sheets.add(sheet);
        return ResponseEntity.ok()
                .contentType(csv ? CSV : XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(sheet.title() + (csv ? ".csv" : ".xlsx"), StandardCharsets.UTF_8).build().toString())
                .body(csv ? CsvExport.write(sheet) : XlsxExport.write(sheets));
    }

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm")
            .withZone(CellKey.ZONE);

    /** A printed report's heading: what, by whom, made when, with data as of when (Beijing time). */
    private List<String> heading(StatsTable table) {
        String made = STAMP.format(clock.instant());
        return List.of((table.parent() == null ? "" : table.parentName()) + "各" + table.levelLabel() + "事件办结情况（"
                        + table.periodLabel() + "）",
                "制表单位：" + Caller.find().map(Caller::name).orElse("网格化服务管理平台"),
                "制表时间：" + made, "数据截至：" + made + "（北京时间）");
    }

    /** The columns the dashboard shows, rows by rank, the total last: what a monthly report prints. */
    private Sheet onScreen(StatsTable table, List<String> heading) {
        List<Sheet.Column> columns = List.of(new Sheet.Column("排名", Sheet.Kind.COUNT),
                new Sheet.Column(table.levelLabel(), Sheet.Kind.TEXT), new Sheet.Column("上报", Sheet.Kind.COUNT),
                new Sheet.Column("办结", Sheet.Kind.COUNT), new Sheet.Column("办结率", Sheet.Kind.RATE),
                new Sheet.Column("按期办结率", Sheet.Kind.RATE), new Sheet.Column("超期（当前）", Sheet.Kind.COUNT),
                new Sheet.Column("平均办结用时（小时）", Sheet.Kind.DECIMAL),
                new Sheet.Column("备注", Sheet.Kind.TEXT));
        List<List<Object>> rows = new ArrayList<>();
        for (AreaFigures r : table.rows()) {
            rows.add(screenRow(r.rank(), r.areaName(), r, r.belowMinimumSample()
                    ? "样本不足（少于" + table.minSampleSize() + "件，不排名）" : ""));
        }
        rows.add(screenRow(null, "合计", table.total(), ""));
        return new Sheet(heading.getFirst(), "办结情况", heading, columns, rows);
    }

    private static List<Object> screenRow(Integer rank, String name, AreaFigures f, String remark) {
        List<Object> row = new ArrayList<>();
        row.add(rank);
        row.add(name);
        row.add(f.counts().get(Measure.REPORTED.code()));
        row.add(f.counts().get(Measure.CLOSED.code()));
        row.add(f.rates().get("completionRate"));
        row.add(f.rates().get("onTimeCompletionRate"));
        row.add(f.counts().get(Measure.OVERDUE_NOW.code()));
        row.add(f.averageHandlingHours());
        row.add(remark);
        return row;
    }

    /** Every count, every configured rate, handling times, rank and the sample flag; the total last. */
    Sheet sheetOf(StatsTable table) {
        List<Sheet.Column> columns = new ArrayList<>();
        columns.add(new Sheet.Column("区划代码", Sheet.Kind.TEXT));
        columns.add(new Sheet.Column(table.levelLabel(), Sheet.Kind.TEXT));
        for (Measure m : Measure.values()) {
            if (m != Measure.HANDLING_SECONDS) {
                columns.add(new Sheet.Column(m.label(), Sheet.Kind.COUNT));
            }
        }
        for (Formula f : formulas.formulas()) {
            columns.add(new Sheet.Column(f.name(), Sheet.Kind.RATE));
        }
        columns.add(new Sheet.Column("平均办结用时（小时）", Sheet.Kind.DECIMAL));
        columns.add(new Sheet.Column("办结用时P90（小时）", Sheet.Kind.DECIMAL));
        columns.add(new Sheet.Column("排名（" + formulas.byCode(table.rankedBy()).map(Formula::name).orElse("") + "）",
                Sheet.Kind.COUNT));
        columns.add(new Sheet.Column("样本不足（少于" + table.minSampleSize() + "件，不排名）", Sheet.Kind.TEXT));

        List<List<Object>> rows = new ArrayList<>();
        for (AreaFigures r : table.rows()) {
            rows.add(row(r));
        }
        List<Object> total = row(table.total());
        total.set(0, "");
        total.set(1, table.parentName());
        total.set(total.size() - 2, null);
        total.set(total.size() - 1, "");
        rows.add(total);
        String title = "统计_" + table.levelLabel() + "_" + table.periodLabel()
                + (table.parent() == null ? "" : "_" + table.parentName());
        return new Sheet(title, columns, rows);
    }

    private List<Object> row(AreaFigures r) {
        List<Object> row = new ArrayList<>();
        row.add(r.areaCode());
        row.add(r.areaName());
        for (Measure m : Measure.values()) {
            if (m != Measure.HANDLING_SECONDS) {
                row.add(r.counts().get(m.code()));
            }
        }
        for (Formula f : formulas.formulas()) {
            row.add(r.rates().get(f.code()));
        }
        row.add(r.averageHandlingHours());
        row.add(r.p90HandlingHours());
        row.add(r.rank());
        row.add(r.belowMinimumSample() ? "是" : "");
        return row;
    }
}
