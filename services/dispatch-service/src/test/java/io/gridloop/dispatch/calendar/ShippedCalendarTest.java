package io.gridloop.dispatch.calendar;

import io.gridloop.dispatch.deadline.CalendarYear;
import io.gridloop.dispatch.deadline.HolidayCalendar;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.core.io.ClassPathResource;
import tools.jackson.dataformat.yaml.YAMLMapper;

import java.io.InputStream;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every day of every shipped year against the State Council's notice, written out here independently of the data
 * file: each day off (放假) and each weekend day made a working day (调休上班). Any other day follows the week.
 */
class ShippedCalendarTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            // 国务院办公厅关于2025年部分节假日安排的通知 (国办发明电〔2024〕12号)
            "2025 | 01-01 01-28 01-29 01-30 01-31 02-01 02-02 02-03 02-04 04-04 04-05 04-06 05-01 05-02 05-03 05-04"
                    + " 05-05 05-31 06-01 06-02 10-01 10-02 10-03 10-04 10-05 10-06 10-07 10-08"
                    + " | 01-26 02-08 04-27 09-28 10-11",
            // 国务院办公厅关于2026年部分节假日安排的通知 (November 2025)
            "2026 | 01-01 01-02 01-03 02-15 02-16 02-17 02-18 02-19 02-20 02-21 02-22 02-23 04-04 04-05 04-06"
                    + " 05-01 05-02 05-03 05-04 05-05 06-19 06-20 06-21 09-25 09-26 09-27 10-01 10-02 10-03 10-04"
                    + " 10-05 10-06 10-07"
                    + " | 01-04 02-14 02-28 05-09 09-20 10-10"})
    void shouldMatchTheNoticeOnEveryDayOfTheYear(int year, String daysOff, String workingWeekendDays) throws Exception {
        CalendarYear shipped;
        try (InputStream in = new ClassPathResource("calendar/cn-" + year + ".yml").getInputStream()) {
            shipped = YAMLMapper.builder().build().readValue(in, CalendarYear.class);
        }
        HolidayCalendar calendar = HolidayCalendar.of(List.of(shipped));
        Set<LocalDate> off = dates(year, daysOff);
        Set<LocalDate> working = dates(year, workingWeekendDays);
        assertThat(working).allSatisfy(d -> assertThat(d.getDayOfWeek()).isIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY));

        List<String> wrong = new ArrayList<>();
        for (LocalDate d = LocalDate.of(year, 1, 1); d.getYear() == year; d = d.plusDays(1)) {
            boolean weekday = d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY;
            boolean expected = working.contains(d) || (weekday && !off.contains(d));
            if (calendar.isWorkingDay(d) != expected) {
                wrong.add(d + (expected ? " should be a working day" : " should be a day off"));
            }
        }
        assertThat(wrong).isEmpty();
    }

    private static Set<LocalDate> dates(int year, String monthDays) {
        return Arrays.stream(monthDays.trim().split("\\s+"))
                .map(md -> LocalDate.parse(year + "-" + md)).collect(Collectors.toSet());
    }
}
