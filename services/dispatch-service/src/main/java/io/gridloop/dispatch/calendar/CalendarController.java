package io.gridloop.dispatch.calendar;

import io.gridloop.dispatch.access.SettingsAccess;
import io.gridloop.platform.security.Caller;
import io.gridloop.contracts.event.Complexity;
import io.gridloop.dispatch.deadline.CalendarYear;
import io.gridloop.dispatch.deadline.Deadlines;
import io.gridloop.platform.web.ApiException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The holiday calendar: which years it knows, adding a year (each December, when the State Council publishes
 * the next year's arrangements), and previews of what it means for a date or a case's deadlines.
 */
@RestController
class CalendarController {

    private final CalendarStore store;

    private final SettingsAccess access;

    CalendarController(CalendarStore store, SettingsAccess access) {
        this.store = store;
        this.access = access;
    }

    record YearView(int year, String source, CalendarStore.Origin origin, List<CalendarYear.Holiday> holidays,
                    List<CalendarYear.WorkingDay> workingDays) {
        static YearView of(CalendarStore.KnownYear known) {
            CalendarYear c = known.calendar();
            return new YearView(c.year(), c.source(), known.origin(), c.holidays(), c.workingDays());
        }
    }

    /** What an administrator sends for a year. */
    record YearRequest(String source, List<CalendarYear.Holiday> holidays, List<CalendarYear.WorkingDay> workingDays) {
    }

    @GetMapping("/api/v1/admin/calendars")
    List<YearView> years() {
        return store.years().values().stream().map(YearView::of)
                .sorted(java.util.Comparator.comparingInt(YearView::year)).toList();
    }

    @GetMapping("/api/v1/admin/calendars/{year}")
    YearView year(@PathVariable int year) {
        CalendarStore.KnownYear known = store.years().get(year);
        if (known == null) {
            throw new ApiException(HttpStatus.NOT_FOUND, "CALENDAR_YEAR_NOT_FOUND", "没有该年度的节假日安排",
                    year + " 年的节假日安排尚未录入");
        }
        return YearView.of(known);
    }

    @PutMapping("/api/v1/admin/calendars/{year}")
    YearView saveYear(@PathVariable int year, @RequestBody YearRequest request) {
        Caller caller = Caller.current();
        access.checkMayChangeCalendar(caller);
        if (year < 2000 || year > 2100) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "INVALID_CALENDAR", "节假日安排有误", "年份超出范围: " + year);
        }
        if (request.source() == null || request.source().isBlank()) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "INVALID_CALENDAR", "节假日安排有误",
                    "请注明依据的通知 (source)");
        }
        CalendarYear calendar;
        try {
            calendar = new CalendarYear(year, request.source(), request.holidays(), request.workingDays());
        } catch (IllegalArgumentException e) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "INVALID_CALENDAR", "节假日安排有误",
                    e.getMessage());
        }
        return YearView.of(store.save(calendar, caller.id()));
    }

    record DayView(LocalDate date, boolean workingDay) {
    }

    @GetMapping("/api/v1/calendar/days/{date}")
    DayView day(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        return new DayView(date, store.policy().calendar().isWorkingDay(date));
    }

    /** The deadlines a case of {@code complexity} reported at {@code reportedAt} would get. */
    @GetMapping("/api/v1/calendar/deadlines")
    Deadlines deadlines(@RequestParam Instant reportedAt, @RequestParam Complexity complexity) {
        return store.deadlinesFor(reportedAt, complexity, null);
    }
}
