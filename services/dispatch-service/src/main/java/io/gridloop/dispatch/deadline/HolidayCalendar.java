package io.gridloop.dispatch.deadline;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Which days are working days in China: Monday to Friday, except public holidays, plus the weekend days that
 * become working days (调休). Years the calendar does not know fall back to Monday–Friday; {@link #covers(int)}
 * tells whether a year is known, so the gap can be reported before it matters.
 */
public final class HolidayCalendar {

    /** Deadlines are counted in China Standard Time. */
    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final Map<Integer, CalendarYear> years;
    private final Set<LocalDate> offDays = new HashSet<>();
    private final Set<LocalDate> workingWeekendDays = new HashSet<>();

    private HolidayCalendar(Map<Integer, CalendarYear> years) {
        this.years = Map.copyOf(years);
        for (CalendarYear year : years.values()) {
            offDays.addAll(year.offDays());
            workingWeekendDays.addAll(year.workingWeekendDays());
        }
    }

    public static HolidayCalendar of(Collection<CalendarYear> years) {
        Map<Integer, CalendarYear> byYear = new HashMap<>();
        for (CalendarYear year : years) {
            byYear.put(year.year(), year);
        }
        return new HolidayCalendar(byYear);
    }

    public boolean covers(int year) {
        return years.containsKey(year);
    }

    public SortedSet<Integer> years() {
        return new TreeSet<>(years.keySet());
    }

    public boolean isWorkingDay(LocalDate date) {
        if (offDays.contains(date)) {
            return false;
        }
        return workingWeekendDays.contains(date) || !CalendarYear.isWeekend(date);
    }

    /**
     * The moment {@code days} working days after {@code start}: the same time of day on the {@code days}-th
     * following working day. A start on a day off counts from the beginning of the next working day, so a report
     * on Saturday has all of Monday (and not a few hours of it) as its first working day.
     */
    public ZonedDateTime plusWorkingDays(ZonedDateTime start, int days) {
        ZonedDateTime t = start.withZoneSameInstant(CHINA);
        if (!isWorkingDay(t.toLocalDate())) {
            LocalDate next = t.toLocalDate().plusDays(1);
            while (!isWorkingDay(next)) {
                next = next.plusDays(1);
            }
            t = next.atStartOfDay(CHINA);
        }
        int counted = 0;
        while (counted < days) {
            t = t.plusDays(1);
            if (isWorkingDay(t.toLocalDate())) {
                counted++;
            }
        }
        return t;
    }

    /**
     * The working days from {@code today} to {@code due}, as a deadline board counts them (剩余N个工作日): those after
     * today up to and including the due day — 0 when it is due today; negative, counting the same way back, once
     * the due day has passed.
     */
    public int workingDaysUntil(LocalDate today, LocalDate due) {
        boolean ahead = !due.isBefore(today);
        LocalDate from = ahead ? today : due;
        LocalDate to = ahead ? due : today;
        int count = 0;
        for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
            if (isWorkingDay(d)) {
                count++;
            }
        }
        return ahead ? count : -count;
    }
}
