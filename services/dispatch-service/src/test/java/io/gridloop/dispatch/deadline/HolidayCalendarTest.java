package io.gridloop.dispatch.deadline;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Working days around the 2026 Spring Festival, with the dates of the State Council's notice written out here. */
class HolidayCalendarTest {

    private final HolidayCalendar calendar = HolidayCalendar.of(List.of(CalendarFixtures.Y2026));

    @ParameterizedTest(name = "{0} working: {1}")
    @CsvSource({
            "2026-02-13, true",   // Friday before the festival
            "2026-02-14, true",   // Saturday made a working day (调休)
            "2026-02-15, false",  // Sunday, first day of the holiday
            "2026-02-16, false",  // Monday inside the holiday
            "2026-02-23, false",  // last day of the holiday, a Monday
            "2026-02-24, true",   // back to work
            "2026-02-28, true",   // Saturday made a working day
            "2026-03-01, false",  // an ordinary Sunday
            "2026-01-02, false",  // Friday inside 元旦
            "2026-01-04, true"})  // Sunday made a working day
    void shouldKnowWhichDaysAreWorkingDays(LocalDate date, boolean working) {
        assertThat(calendar.isWorkingDay(date)).isEqualTo(working);
    }

    @Test
    void shouldCountThreeWorkingDaysAcrossTheSpringFestival() {
        ZonedDateTime reported = ZonedDateTime.parse("2026-02-13T10:00:00+08:00[Asia/Shanghai]");

        // 02-14 (调休 Saturday) is day 1; 02-15..02-23 are off; 02-24 is day 2, 02-25 day 3.
        assertThat(calendar.plusWorkingDays(reported, 3))
                .isEqualTo(ZonedDateTime.parse("2026-02-25T10:00:00+08:00[Asia/Shanghai]"));
    }

    @Test
    void shouldCountAReportOnADayOffFromTheNextWorkingDaysStart() {
        ZonedDateTime sundayInTheHoliday = ZonedDateTime.parse("2026-02-15T16:30:00+08:00[Asia/Shanghai]");

        // Counting starts at 02-24 00:00, so one working day ends at 02-25 00:00: all of the 24th to accept.
        assertThat(calendar.plusWorkingDays(sundayInTheHoliday, 1))
                .isEqualTo(ZonedDateTime.parse("2026-02-25T00:00:00+08:00[Asia/Shanghai]"));
    }

    @ParameterizedTest(name = "on {0}, due {1}: {2} working days left")
    @CsvSource({
            "2026-02-13, 2026-02-25, 3",   // 02-14 (调休 Saturday), 02-24, 02-25; the festival counts nothing
            "2026-02-25, 2026-02-25, 0",   // due today
            "2026-03-06, 2026-03-09, 1",   // Friday to Monday: the weekend counts nothing
            "2026-03-10, 2026-03-06, -2",  // due last Friday: Monday and Tuesday have passed since
            "2026-02-16, 2026-02-24, 1"})  // inside the holiday: the first day back is the one left
    void shouldCountTheWorkingDaysLeftToADeadline(LocalDate today, LocalDate due, int left) {
        assertThat(calendar.workingDaysUntil(today, due)).isEqualTo(left);
    }

    @Test
    void shouldSkipAnOrdinaryWeekend() {
        ZonedDateTime friday = ZonedDateTime.parse("2026-03-06T15:00:00+08:00[Asia/Shanghai]");

        assertThat(calendar.plusWorkingDays(friday, 1))
                .isEqualTo(ZonedDateTime.parse("2026-03-09T15:00:00+08:00[Asia/Shanghai]"));
    }

    @Test
    void shouldCountInChinaStandardTimeWhateverZoneTheInstantComesIn() {
        // 2026-02-13 23:30 UTC is already Saturday 02-14 07:30 in China, a working day.
        ZonedDateTime utc = ZonedDateTime.parse("2026-02-13T23:30:00Z");

        assertThat(calendar.plusWorkingDays(utc, 1))
                .isEqualTo(ZonedDateTime.parse("2026-02-24T07:30:00+08:00[Asia/Shanghai]"));
    }

    @Test
    void shouldFallBackToMondayToFridayForAnUnknownYear() {
        assertThat(calendar.covers(2027)).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.parse("2027-01-01"))).as("a Friday, holiday unknown").isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.parse("2027-01-02"))).isFalse();
    }

    @Test
    void shouldRefuseAWorkingDayThatIsNotOnAWeekend() {
        assertThatThrownBy(() -> new CalendarYear(2027, "x", List.of(),
                List.of(new CalendarYear.WorkingDay("调休", LocalDate.parse("2027-02-10")))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2027-02-10 是星期三，调休上班日须为周六或周日");
    }

    @Test
    void shouldRefuseAHolidayWithoutAName() {
        assertThatThrownBy(() -> new CalendarYear(2027, "x", List.of(
                new CalendarYear.Holiday(" ", LocalDate.parse("2027-01-01"), LocalDate.parse("2027-01-01"))), List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("每个节日须填写名称和起止日期");
    }

    @Test
    void shouldRefuseDatesOutsideTheYearAndBackwardRanges() {
        assertThatThrownBy(() -> new CalendarYear(2027, "x", List.of(
                new CalendarYear.Holiday("元旦", LocalDate.parse("2026-12-31"), LocalDate.parse("2026-12-31")),
                new CalendarYear.Holiday("春节", LocalDate.parse("2027-02-10"), LocalDate.parse("2027-02-06"))),
                List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("「元旦」不在 2027 年内")
                .hasMessageContaining("「春节」的最后一天早于第一天");
    }
}
