package io.gridloop.stats.query;

import io.gridloop.platform.security.Caller;
import io.gridloop.stats.access.AreaAccess;
import io.gridloop.contracts.catalogue.SubCategory;
import io.gridloop.contracts.catalogue.SubCategoryCatalogue;
import io.gridloop.contracts.event.EventCategory;
import io.gridloop.platform.web.ApiException;
import io.gridloop.stats.counting.CellKey;
import io.gridloop.stats.counting.Measure;
import io.gridloop.stats.formula.Formula;
import io.gridloop.stats.formula.Formulas;
import io.gridloop.stats.overdue.OverdueCases;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Statistics for supervisors: a table of areas at one level for a period (drill down with {@code parent}), one
 * area, a monthly trend, the formulas behind every rate, and the quarter's zero-complaint communities.
 */
@RestController
@RequestMapping("/api/v1/stats")
class StatsController {

    private final StatsQueries queries;
    private final OverdueCases overdue;
    private final Formulas formulas;
    private final ZeroComplaints zeroComplaints;
    private final TownQuotas townQuotas;
    private final Clock clock;

    StatsController(StatsQueries queries, OverdueCases overdue, Formulas formulas, ZeroComplaints zeroComplaints,
                    TownQuotas townQuotas, Clock clock) {
        this.zeroComplaints = zeroComplaints;
        this.townQuotas = townQuotas;
        this.queries = queries;
        this.overdue = overdue;
        this.formulas = formulas;
        this.clock = clock;
    }

    @GetMapping("/completion")
    StatsTable completion(@RequestParam(defaultValue = "district") String level,
                          @RequestParam(required = false) String parent,
                          @RequestParam(required = false) String period,
                          @RequestParam(required = false) String category,
                          @RequestParam(required = false) String source,
                          @RequestParam(required = false) String rankBy) {
        StatsRequest r = StatsRequest.of(level, parent, period, category, source, rankBy, formulas, clock);
        Caller caller = AreaAccess.checkParent(r.parent());
        return queries.table(r, caller::covers);
    }

    @GetMapping("/areas/{code}")
    AreaFigures area(@PathVariable String code, @RequestParam(required = false) String period,
                     @RequestParam(required = false) String category,
                     @RequestParam(required = false) String source) {
        StatsRequest r = StatsRequest.of("district", code, period, category, source, null, formulas, clock);
        AreaAccess.checkCovered(code);
        return queries.area(code, r.period(), r.filter());
    }

    /** 事件类别与来源: an area's reports of the period by category and by source, every value named in Chinese. */
    @GetMapping("/areas/{code}/split")
    StatsQueries.Split split(@PathVariable String code, @RequestParam(required = false) String period) {
        StatsRequest r = StatsRequest.of("district", code, period, null, null, null, formulas, clock);
        AreaAccess.checkCovered(code);
        return queries.split(code, r.period());
    }

    record Trend(String areaCode, String areaName, List<String> months, List<AreaFigures> figures) {
    }

    /** Month by month up to {@code to} (default: this month), {@code months} long (default 12, at most 36). */
    @GetMapping("/trend")
    Trend trend(@RequestParam String area, @RequestParam(required = false) String to,
                @RequestParam(defaultValue = "12") int months,
                @RequestParam(required = false) String category,
                @RequestParam(required = false) String source) {
        if (months < 1 || months > 36) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "BAD_MONTHS", "月份数无效", "months 须在1到36之间：" + months);
        }
        StatsRequest r = StatsRequest.of("district", area, to, category, source, null, formulas, clock);
        if (r.period().kind() != Period.Kind.MONTH) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "BAD_PERIOD", "统计周期无效", "to 须为月份，如 2026-11：" + to);
        }
        AreaAccess.checkCovered(area);
        YearMonth last = YearMonth.from(r.period().first());
        List<Period> periods = new ArrayList<>();
        for (int i = months - 1; i >= 0; i--) {
            periods.add(Period.month(last.minusMonths(i)));
        }
        List<AreaFigures> figures = queries.months(area, periods, r.filter());
        return new Trend(area, figures.isEmpty() ? null : figures.getFirst().areaName(),
                periods.stream().map(Period::text).toList(), figures);
    }

    record MeasureInfo(String code, String name, String cohort) {
    }

    record FormulaBook(List<Formula> formulas, List<MeasureInfo> measures) {
    }

    /** The definitions behind every rate, and the measures they may use. */
    @GetMapping("/formulas")
    FormulaBook formulas() {
        return new FormulaBook(formulas.formulas(), Arrays.stream(Measure.values())
                .map(m -> new MeasureInfo(m.code(), m.label(), m.cohort().name())).toList());
    }

    /** 乡镇任务: each street's or town's valid events reported and solved in the period against its quota. */
    @GetMapping("/town-quotas")
    TownQuotas.QuotaTable townQuotas(@RequestParam(required = false) String period,
                                     @RequestParam(required = false) String parent) {
        return townQuotas.of(period, parent);
    }

    /**
     * 零投诉社区: communities without a valid 12345 complaint in the period (default: this quarter), with their
     * rewards and the sums per street ({@link ZeroComplaints}).
     */
    @GetMapping("/zero-complaint")
    ZeroComplaints.ZeroComplaint zeroComplaint(@RequestParam(required = false) String period,
                                               @RequestParam(required = false) String parent) {
        return zeroComplaints.of(period, parent);
    }

    /**
     * @param caseNumber      the number people quote (案件编号); absent for cases opened before numbers were given
     * @param subCategoryName the sub-category's name in the catalogue (事项小类)
     */
    record OverdueEntry(String caseId, String caseNumber, String districtName, String streetName, String communityName, String gridCode,
                        String category, String categoryName, String subCategory, String subCategoryName,
                        String handlingUnitName, Instant reportedAt, Instant dueAt, long overdueHours) {
    }

    record OverduePage(String area, long total, int page, int size, List<OverdueEntry> items) {
    }

    /** 超期案件: open cases past their deadline in an area (default: everywhere), longest overdue first, paged. */
    @GetMapping("/overdue")
    OverduePage overdue(@RequestParam(required = false) String area, @RequestParam(defaultValue = "0") int page,
                        @RequestParam(defaultValue = "20") int size) {
        if (area != null && !area.isBlank()) {
            StatsRequest.of("district", area, null, null, null, null, formulas, clock);
        }
        if (page < 0 || size < 1 || size > 200) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "BAD_PAGE", "分页参数无效",
                    "page 须 ≥ 0，size 须在1到200之间");
        }
        String a = area == null || area.isBlank() ? null : area.trim();
        Caller caller = a == null ? Caller.current() : AreaAccess.checkCovered(a);
        List<OverdueCases.OverdueCase> all = overdue.in(a).stream().filter(c -> caller.covers(
                c.area().gridCode() != null ? c.area().gridCode() : c.area().districtCode())).toList();
        Instant now = clock.instant();
        List<OverdueEntry> items = all.stream().skip((long) page * size).limit(size)
                .map(c -> new OverdueEntry(c.caseId(), c.caseNumber(), c.area().districtName(),
                        c.area().streetName(), c.area().communityName(), c.area().gridCode(), c.category(), categoryName(c.category()), c.subCategory(),
                        c.subCategory() == null ? null : CATALOGUE.find(c.subCategory()).map(SubCategory::name)
                                .orElse(c.subCategory()), c.handlingUnitName(),
                        c.reportedAt(), c.dueAt(),
                        c.dueAt() == null ? 0 : Math.max(0, Duration.between(c.dueAt(), now).toHours())))
                .toList();
        return new OverduePage(a, all.size(), page, size, items);
    }

    private static final SubCategoryCatalogue CATALOGUE = SubCategoryCatalogue.shipped();

    private static String categoryName(String category) {
        try {
            return category == null ? null : EventCategory.valueOf(category).label();
        } catch (IllegalArgumentException unknown) {
            return category;
        }
    }

}
