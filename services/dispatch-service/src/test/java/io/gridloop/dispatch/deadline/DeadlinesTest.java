package io.gridloop.dispatch.deadline;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** How a case's deadlines move once set: extension, suspension, handling again. */
class DeadlinesTest {

    private static final Instant REPORTED = Instant.parse("2026-03-03T02:00:00Z"); // Tuesday 10:00 in China
    private final Deadlines set = new Deadlines(Instant.parse("2026-03-04T02:00:00Z"),
            Instant.parse("2026-03-06T02:00:00Z"), Instant.parse("2026-03-05T08:00:00Z"));

    @Test
    void shouldMoveTheWarningWithAnExtensionAndLeaveAcceptanceAlone() {
        Deadlines extended = set.extendedTo(Instant.parse("2026-03-10T02:00:00Z"));

        assertThat(extended.closeBy()).isEqualTo(Instant.parse("2026-03-10T02:00:00Z"));
        assertThat(Duration.between(extended.warnAt(), extended.closeBy()))
                .isEqualTo(Duration.between(set.warnAt(), set.closeBy()));
        assertThat(extended.acceptBy()).isEqualTo(set.acceptBy());
    }

    @Test
    void shouldCountAnExtensionInWorkingDaysOverTheWeekend() {
        HolidayCalendar calendar = HolidayCalendar.of(List.of(CalendarFixtures.Y2026));

        // Friday + 2 working days is Tuesday.
        assertThat(set.extendedBy(2, calendar).closeBy()).isEqualTo(Instant.parse("2026-03-10T02:00:00Z"));
    }

    @Test
    void shouldStopTheWholeClockWhileSuspended() {
        Deadlines resumed = set.resumedAfter(Duration.ofHours(30));

        assertThat(resumed).isEqualTo(new Deadlines(set.acceptBy().plus(Duration.ofHours(30)),
                set.closeBy().plus(Duration.ofHours(30)), set.warnAt().plus(Duration.ofHours(30))));
    }

    @Test
    void shouldGiveACaseHandledAgainAsMuchTimeAsTheFirstTime() {
        Instant reopened = Instant.parse("2026-03-20T06:00:00Z");

        Deadlines again = set.restartedAt(reopened, REPORTED);

        assertThat(Duration.between(reopened, again.closeBy())).isEqualTo(Duration.between(REPORTED, set.closeBy()));
        assertThat(Duration.between(reopened, again.acceptBy())).isEqualTo(Duration.between(REPORTED, set.acceptBy()));
        assertThat(Duration.between(reopened, again.warnAt())).isEqualTo(Duration.between(REPORTED, set.warnAt()));
    }
}
