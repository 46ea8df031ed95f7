package io.gridloop.stats.query;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PeriodTest {

    @Test
    void shouldReadEveryKindAndSayWhichBucketsMakeItUp() {
        Period day = Period.parse("2026-11-23").orElseThrow();
        Period month = Period.parse("2026-02").orElseThrow();
        Period quarter = Period.parse("2026-q3").orElseThrow();
        Period year = Period.parse("2026").orElseThrow();

        assertThat(day.buckets()).containsExactly("2026-11-23");
        assertThat(month.buckets()).containsExactly("2026-02");
        assertThat(month.last()).isEqualTo(LocalDate.of(2026, 2, 28));
        assertThat(quarter.buckets()).containsExactly("2026-07", "2026-08", "2026-09");
        assertThat(year.buckets()).hasSize(12).startsWith("2026-01").endsWith("2026-12");
        assertThat(List.of(day.label(), month.label(), quarter.label(), year.label()))
                .containsExactly("2026年11月23日", "2026年2月", "2026年第三季度", "2026年");
    }

    @Test
    void shouldRefuseWhatIsNotAPeriod() {
        assertThat(Period.parse("2026-13")).isEmpty();
        assertThat(Period.parse("2026-02-30")).isEmpty();
        assertThat(Period.parse("2026-Q5")).isEmpty();
        assertThat(Period.parse("last month")).isEmpty();
    }

    @Test
    void shouldNameTheCurrentPeriodOfEachKindInBeijingTime() {
        // 2026-09-30 17:00 UTC is already 1 October in Beijing: the fourth quarter.
        java.time.Clock clock = java.time.Clock.fixed(java.time.Instant.parse("2026-09-30T17:00:00Z"),
                java.time.ZoneOffset.UTC);

        assertThat(List.of(Period.Kind.DAY, Period.Kind.MONTH, Period.Kind.QUARTER, Period.Kind.YEAR).stream()
                .map(k -> Period.currentText(k, clock)).toList())
                .containsExactly("2026-10-01", "2026-10", "2026-Q4", "2026");
    }
}
