package io.gridloop.dispatch.casework;

import io.gridloop.contracts.area.AreaCode;
import io.gridloop.dispatch.access.CaseAccess;
import io.gridloop.dispatch.deadline.HolidayCalendar;
import io.gridloop.dispatch.lifecycle.CaseNumber;
import io.gridloop.dispatch.search.SearchTerms;
import io.gridloop.platform.security.Caller;
import io.gridloop.platform.web.ApiException;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * 案件搜索 for the dispatch centre and supervisors of an area: {@code GET /api/v1/search?area=&q=}, by case number
 * or by words, over at most a year of reports (by default the last 365 days).
 */
@RestController
class CaseSearchController {

    static final int MAX_DAYS = 366;

    private final CaseSearch search;
    private final Clock clock;

    CaseSearchController(CaseSearch search, Clock clock) {
        this.search = search;
        this.clock = clock;
    }

    @GetMapping("/api/v1/search")
    CaseSearch.Page search(@RequestParam @Pattern(regexp = AreaCode.SHAPE, message = "请选择区县或区县内的区域")
                           String area,
                           @RequestParam @Size(max = 100, message = "最多100个字") String q,
                           @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                           @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                           @RequestParam(defaultValue = "0") @Min(value = 0, message = "不能小于0")
                           @Max(value = 50, message = "不能大于50") int page,
                           @RequestParam(defaultValue = "20") @Min(value = 1, message = "不能小于1")
                           @Max(value = 100, message = "不能大于100") int size) {
        CaseAccess.checkMayReadArea(Caller.current(), area);
        if (!AreaCode.of(area).withinDistrict()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "DISTRICT_NEEDED", "请选择区县",
                    "案件搜索按区县进行，请选择一个区县或区县内的区域");
        }
        String wanted = q.strip();
        if (CaseNumber.looksLike(wanted)) {
            return search.byNumber(area, wanted);
        }
        SearchTerms terms = SearchTerms.ofQuery(wanted);
        if (terms.isEmpty()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "SEARCH_TOO_SHORT", "搜索词太短",
                    "请输入至少两个连续的汉字（如「漏水」），或完整的编号、账号");
        }
        LocalDate last = to != null ? to : LocalDate.now(clock.withZone(HolidayCalendar.CHINA));
        LocalDate first = from != null ? from : last.minusDays(MAX_DAYS - 2);
        if (first.isAfter(last) || ChronoUnit.DAYS.between(first, last) >= MAX_DAYS) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "BAD_DATE_RANGE", "日期范围无效",
                    "开始日期须不晚于结束日期，且一次最多搜索一年");
        }
        return search.search(area, terms, first, last, page, size);
    }
}
