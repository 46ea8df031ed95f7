package io.gridloop.dispatch.deadline;

import io.gridloop.contracts.event.Complexity;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DeadlinePolicyTest {

    private final DeadlinePolicy policy = DeadlinePolicy.oneThreeFive(
            HolidayCalendar.of(List.of(CalendarFixtures.Y2026)));

    @Test
    void shouldGiveOneDayToAcceptAndThreeToCloseAGeneralCase() {
        Instant tuesday = Instant.parse("2026-03-03T02:00:00Z"); // 10:00 in China

        Deadlines d = policy.forCase(tuesday, Complexity.GENERAL);

        assertThat(d.acceptBy()).isEqualTo(Instant.parse("2026-03-04T02:00:00Z"));
        assertThat(d.closeBy()).isEqualTo(Instant.parse("2026-03-06T02:00:00Z"));
    }

    @Test
    void shouldGiveFiveWorkingDaysToAComplexCase() {
        Instant thursday = Instant.parse("2026-03-05T02:00:00Z");

        // Fri, Mon, Tue, Wed, Thu
        assertThat(policy.forCase(thursday, Complexity.COMPLEX).closeBy())
                .isEqualTo(Instant.parse("2026-03-12T02:00:00Z"));
    }

    @Test
    void shouldWarnAtThreeQuartersOfTheTime() {
        Instant reported = Instant.parse("2026-03-03T02:00:00Z");

        Deadlines d = policy.forCase(reported, Complexity.GENERAL);

        Duration whole = Duration.between(reported, d.closeBy());
        assertThat(Duration.between(reported, d.warnAt())).isEqualTo(whole.multipliedBy(3).dividedBy(4));
    }

    @Test
    void shouldTakeADueTimeSetElsewhere() {
        Instant reported = Instant.parse("2026-03-03T02:00:00Z");
        Instant hotlineDue = Instant.parse("2026-03-03T06:00:00Z");

        Deadlines d = policy.forCase(reported, Complexity.GENERAL, hotlineDue);

        assertThat(d.closeBy()).isEqualTo(hotlineDue);
        assertThat(d.acceptBy()).as("never later than the close").isEqualTo(hotlineDue);
        assertThat(d.warnAt()).isEqualTo(Instant.parse("2026-03-03T05:00:00Z"));
    }
}
