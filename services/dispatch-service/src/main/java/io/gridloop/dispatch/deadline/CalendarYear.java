package io.gridloop.dispatch.deadline;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One year of the State Council's holiday arrangements: the public holidays, and the weekend days that become
 * working days to make up for them (调休). Days not listed follow the normal week.
 *
 * @param source the notice the dates come from, for whoever checks them
 */
public record CalendarYear(int year, String source, List<Holiday> holidays, List<WorkingDay> workingDays) {

    /** Consecutive days off, both ends included. */
    public record Holiday(String name, LocalDate from, LocalDate to) {
    }

    /** A Saturday or Sunday that is a working day. */
    public record WorkingDay(String name, LocalDate date) {
    }

    /**
     * @throws IllegalArgumentException naming the first problem: a date outside the year, a range that ends
     *                                  before it starts, a "working weekend day" that is not on a weekend or
     *                                  falls inside a holiday
     */
    private static final String[] WEEKDAYS = {"星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日"};

    public CalendarYear {
        Objects.requireNonNull(source, "source");
        holidays = List.copyOf(holidays == null ? List.of() : holidays);
        workingDays = List.copyOf(workingDays == null ? List.of() : workingDays);
        List<String> problems = new ArrayList<>();
        for (Holiday h : holidays) {
            if (h.name() == null || h.name().isBlank() || h.from() == null || h.to() == null) {
                problems.add("每个节日须填写名称和起止日期" + (h.name() == null || h.name().isBlank() ? ""
                        : "（「" + h.name() + "」）"));
            } else if (h.to().isBefore(h.from())) {
                problems.add("「" + h.name() + "」的最后一天早于第一天");
            } else if (h.from().getYear() != year || h.to().getYear() != year) {
                problems.add("「" + h.name() + "」不在 " + year + " 年内");
            }
        }
        Set<LocalDate> off = offDays(holidays);
        for (WorkingDay w : workingDays) {
            if (w.date() == null) {
                problems.add("每个调休上班日须填写日期" + (w.name() == null ? "" : "（「" + w.name() + "」）"));
            } else if (w.date().getYear() != year) {
                problems.add(w.date() + " 不在 " + year + " 年内");
            } else if (!isWeekend(w.date())) {
                problems.add(w.date() + " 是" + WEEKDAYS[w.date().getDayOfWeek().getValue() - 1]
                        + "，调休上班日须为周六或周日");
            } else if (off.contains(w.date())) {
                problems.add(w.date() + " 既是放假日又是调休上班日");
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("；", problems));
        }
    }

    Set<LocalDate> offDays() {
        return offDays(holidays);
    }

    Set<LocalDate> workingWeekendDays() {
        Set<LocalDate> days = new HashSet<>();
        workingDays.forEach(w -> days.add(w.date()));
        return days;
    }

    private static Set<LocalDate> offDays(List<Holiday> holidays) {
        Set<LocalDate> days = new HashSet<>();
        for (Holiday h : holidays) {
            if (h.from() != null && h.to() != null && !h.to().isBefore(h.from())) {
                h.from().datesUntil(h.to().plusDays(1)).forEach(days::add);
            }
        }
        return days;
    }

    static boolean isWeekend(LocalDate date) {
        return date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
    }
}
