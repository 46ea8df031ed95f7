package io.gridloop.dispatch.deadline;

import java.time.LocalDate;
import java.util.List;

/** Parts of the 2026 arrangements, written out in the tests independently of the shipped data file. */
public final class CalendarFixtures {

    public static final CalendarYear Y2026 = new CalendarYear(2026, "test", List.of(
            new CalendarYear.Holiday("元旦", LocalDate.parse("2026-01-01"), LocalDate.parse("2026-01-03")),
            new CalendarYear.Holiday("春节", LocalDate.parse("2026-02-15"), LocalDate.parse("2026-02-23"))),
            List.of(new CalendarYear.WorkingDay("元旦调休", LocalDate.parse("2026-01-04")),
                    new CalendarYear.WorkingDay("春节调休", LocalDate.parse("2026-02-14")),
                    new CalendarYear.WorkingDay("春节调休", LocalDate.parse("2026-02-28"))));

    private CalendarFixtures() {
    }
}
