package io.gridloop.dispatch.queue;

import io.gridloop.contracts.area.AreaCode;
import io.gridloop.contracts.event.CaseState;
import io.gridloop.contracts.event.EventCategory;
import io.gridloop.contracts.event.ReportSource;
import io.gridloop.platform.security.Caller;
import io.gridloop.platform.web.ApiException;
import io.gridloop.dispatch.access.CaseAccess;
import io.gridloop.dispatch.deadline.HolidayCalendar;
import org.springframework.http.HttpStatus;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The dispatch centre's work lists of an area ({@link WorkList}): one tab's page, and every tab's count for the
 * tab bar. For operators of the area and the supervisors who watch it.
 */
@RestController
class WorkListController {

    private final OpenCases open;
    private final ClosedCases closed;
    private final Clock clock;

    WorkListController(OpenCases open, ClosedCases closed, Clock clock) {
        this.open = open;
        this.closed = closed;
        this.clock = clock;
    }

    /** At most this many days of 已办结 at once: a month, read as a month of daily lists. */
    static final int MAX_CLOSED_DAYS = 31;

    /**
     * 已办结: the cases of a district (or an area inside it) that ended — closed, merged, invalidated — on the
     * Beijing days {@code from} to {@code to} (default: the last seven days), the latest first.
     */
    @GetMapping("/api/v1/worklist/closed")
    ClosedCases.Page closed(@RequestParam @Pattern(regexp = AreaCode.SHAPE, message = "请选择区县或区县内的区域")
                            String area,
                            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                            @RequestParam(defaultValue = "0") @Min(value = 0, message = "不能小于0") int page,
                            @RequestParam(defaultValue = "20") @Min(value = 1, message = "不能小于1")
                            @Max(value = 200, message = "不能大于200") int size) {
        checkMayRead(area);
        if (!AreaCode.of(area).withinDistrict()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "DISTRICT_NEEDED", "请选择区县",
                    "已办结案件按区县查看，请选择一个区县或区县内的区域");
        }
        LocalDate last = to != null ? to : LocalDate.now(clock.withZone(HolidayCalendar.CHINA));
        LocalDate first = from != null ? from : last.minusDays(6);
        if (first.isAfter(last) || ChronoUnit.DAYS.between(first, last) >= MAX_CLOSED_DAYS) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "BAD_DATE_RANGE", "日期范围无效",
                    "开始日期须不晚于结束日期，且一次最多查看" + MAX_CLOSED_DAYS + "天");
        }
        return closed.in(area, first, last, page, size);
    }

    /** A tab and its count, in the order the page shows them. */
    record TabCount(WorkList.Tab tab, String label, long count) {
    }

    @GetMapping("/api/v1/worklist")
    OpenCases.Page list(@RequestParam @Pattern(regexp = "\\d{2,15}", message = "区域编码须为2至15位数字") String area,
                        @RequestParam(defaultValue = "OPEN") WorkList.Tab tab,
                        @RequestParam(required = false) CaseState state,
                        @RequestParam(required = false) EventCategory category,
                        @RequestParam(required = false) String subCategory,
                        @RequestParam(required = false) ReportSource source,
                        @RequestParam(required = false) String unit,
                        @RequestParam(required = false)
                        @Pattern(regexp = "warned|overdue", message = "只能是 warned（预警）或 overdue（超期）")
                        String attention,
                        @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
                        @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
                        @RequestParam(defaultValue = "0") @Min(value = 0, message = "不能小于0") int page,
                        @RequestParam(defaultValue = "20") @Min(value = 1, message = "不能小于1")
                        @Max(value = 200, message = "不能大于200") int size) {
        checkMayRead(area);
        WorkList.Filter filter = new WorkList.Filter(area, tab, state, category, blankToNull(subCategory), source,
                blankToNull(unit), attention, from, to);
        return open.matching(filter.criteria(), page, size);
    }

    @GetMapping("/api/v1/worklist/counts")
    List<TabCount> counts(@RequestParam @Pattern(regexp = "\\d{2,15}", message = "区域编码须为2至15位数字")
                          String area) {
        checkMayRead(area);
        List<OpenCases.Marks> marks = open.marks(WorkList.inArea(area));
        Map<WorkList.Tab, Long> counts = new LinkedHashMap<>();
        Arrays.stream(WorkList.Tab.values()).forEach(t -> counts.put(t, 0L));
        for (OpenCases.Marks c : marks) {
            for (WorkList.Tab t : WorkList.Tab.values()) {
                if (t.holds(c)) {
                    counts.merge(t, 1L, Long::sum);
                }
            }
        }
        return counts.entrySet().stream().map(e -> new TabCount(e.getKey(), e.getKey().label(), e.getValue()))
                .toList();
    }

    private static void checkMayRead(String area) {
        CaseAccess.checkMayReadArea(Caller.current(), area);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
