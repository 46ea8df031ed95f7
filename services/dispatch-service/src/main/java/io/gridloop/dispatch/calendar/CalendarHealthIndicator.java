package io.gridloop.dispatch.calendar;

import io.gridloop.dispatch.deadline.HolidayCalendar;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether deadlines are counted on a real holiday calendar (health component {@code calendar}, gauge
 * {@code gridloop_dispatch_calendar_years_missing}). The State Council publishes next year's holidays in
 * November or December; from 1 December a missing next year is reported, before the first case whose deadline
 * runs into January is counted Monday to Friday. The status stays UP — cases are still handled — but the details
 * say what is missing and the gauge lets an alert fire.
 */
@Component
class CalendarHealthIndicator extends AbstractHealthIndicator {

    private final CalendarStore calendars;
    private final Clock clock;

    CalendarHealthIndicator(CalendarStore calendars, Clock clock, MeterRegistry meters) {
        super("Holiday calendar check failed");
        this.calendars = calendars;
        this.clock = clock;
        Gauge.builder("gridloop.dispatch.calendar.years.missing", this, c -> c.missingYears().size())
                .description("Years deadlines need that the holiday calendar lacks: this year, and from 1 December "
                        + "the next (0 when all are there)")
                .register(meters);
    }

    /** This year if absent, and next year from 1 December if absent. */
    List<Integer> missingYears() {
        LocalDate today = LocalDate.now(clock.withZone(HolidayCalendar.CHINA));
        HolidayCalendar calendar = calendars.policy().calendar();
        List<Integer> missing = new ArrayList<>();
        if (!calendar.covers(today.getYear())) {
            missing.add(today.getYear());
        }
        if (today.getMonth() == Month.DECEMBER && !calendar.covers(today.getYear() + 1)) {
            missing.add(today.getYear() + 1);
        }
        return missing;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        List<Integer> missing = missingYears();
        builder.up().withDetail("years", calendars.policy().calendar().years());
        if (!missing.isEmpty()) {
            builder.withDetail("missing", missing).withDetail("warning", "缺少 " + missing.stream().map(y -> y + "年")
                    .reduce((a, b) -> a + "、" + b).orElseThrow() + "的节假日安排：办理时限将只按周一至周五计算。"
                    + "请按国务院办公厅通知通过 PUT /api/v1/admin/calendars/{年份} 录入");
        }
    }
}
