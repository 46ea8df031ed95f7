package io.gridloop.dispatch.calendar;

import io.gridloop.infra.ServiceIntegrationTest;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CalendarApiTest extends ServiceIntegrationTest {

    @Test
    void shouldShipTheStateCouncilsYears() {
        http.get().uri("/api/v1/admin/calendars/2026").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.origin").isEqualTo("FILE")
                .jsonPath("$.holidays[?(@.name == '春节')].from").isEqualTo(List.of("2026-02-15"))
                .jsonPath("$.workingDays.length()").isEqualTo(6);
        http.get().uri("/api/v1/admin/calendars/2025").exchange().expectStatus().isOk();
        http.get().uri("/api/v1/calendar/days/2026-02-14").exchange()
                .expectBody().jsonPath("$.workingDay").isEqualTo(true);
        http.get().uri("/api/v1/calendar/days/2026-10-07").exchange()
                .expectBody().jsonPath("$.workingDay").isEqualTo(false);
        http.get().uri("/api/v1/calendar/days/2026-10-08").exchange()
                .expectBody().jsonPath("$.workingDay").isEqualTo(true);
    }

    @Test
    void shouldComputeDeadlinesAcrossTheSpringFestival() {
        // Friday 2026-02-13 10:00 in China; a dispute is complex: five working days.
        http.get().uri("/api/v1/calendar/deadlines?reportedAt=2026-02-13T02:00:00Z&complexity=COMPLEX").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.acceptBy").isEqualTo("2026-02-14T02:00:00Z")
                .jsonPath("$.closeBy").isEqualTo("2026-02-27T02:00:00Z");
    }

    @Test
    void shouldTakeANewYearFromAnAdministratorAndUseItAtOnce() {
        http.get().uri("/api/v1/calendar/days/2099-01-01").exchange()
                .expectBody().jsonPath("$.workingDay").isEqualTo(true);

        http.put().uri("/api/v1/admin/calendars/2099").contentType(MediaType.APPLICATION_JSON)
                .body("""
                        {"source":"国务院办公厅关于2099年部分节假日安排的通知",
                         "holidays":[{"name":"元旦","from":"2099-01-01","to":"2099-01-03"}],
                         "workingDays":[{"name":"元旦调休","date":"2099-01-04"}]}""")
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.origin").isEqualTo("ADMIN");

        http.get().uri("/api/v1/calendar/days/2099-01-01").exchange()
                .expectBody().jsonPath("$.workingDay").isEqualTo(false);
        http.get().uri("/api/v1/calendar/days/2099-01-04").exchange()
                .expectBody().jsonPath("$.workingDay").isEqualTo(true);
        http.get().uri("/api/v1/admin/calendars/2099").exchange()
                .expectBody().jsonPath("$.holidays[0].to").isEqualTo("2099-01-03");
    }

    @Test
    void shouldRefuseAYearThatContradictsItself() {
        http.put().uri("/api/v1/admin/calendars/2098").contentType(MediaType.APPLICATION_JSON)
                .body("""
                        {"source":"x","holidays":[],"workingDays":[{"name":"调休","date":"2098-03-04"}]}""")
                .exchange()
                .expectStatus().isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT)
                .expectBody()
                .jsonPath("$.code").isEqualTo("INVALID_CALENDAR")
                .jsonPath("$.detail").value(detail -> org.assertj.core.api.Assertions.assertThat((String) detail)
                        .contains("2098-03-04 是星期二，调休上班日须为周六或周日"));
    }

    @Test
    void shouldAnswerAnUnknownYearWithNotFound() {
        http.get().uri("/api/v1/admin/calendars/2031").exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("CALENDAR_YEAR_NOT_FOUND");
    }

    @Autowired
    CalendarStore calendars;

    /** From 1 December in China, a missing next year is reported; a missing current year always is. */
    @Test
    void shouldWarnFromTheFirstOfDecemberWhenNextYearsHolidaysAreMissing() {
        assertThat(missingOn("2025-11-30T23:30:00+08:00")).isEmpty();
        assertThat(missingOn("2025-12-01T00:30:00+08:00")).as("2026 is shipped").isEmpty();
        assertThat(missingOn("2040-11-30T23:30:00+08:00")).containsExactly(2040);
        // Still 30 November in UTC: the rule is China's date.
        assertThat(missingOn("2040-12-01T00:30:00+08:00")).containsExactly(2040, 2041);

        http.get().uri("/actuator/health").exchange().expectBody()
                .jsonPath("$.components.calendar.status").isEqualTo("UP")
                .jsonPath("$.components.calendar.details.years").value(years ->
                        assertThat((List<Object>) years).contains(2025, 2026));
        assertThat(http.get().uri("/actuator/prometheus").exchange().expectBody(String.class).returnResult()
                .getResponseBody()).containsPattern("(?m)^gridloop_dispatch_calendar_years_missing\\{[^}]*} [0-9.]+$");
    }

    private List<Integer> missingOn(String instant) {
        Clock at = Clock.fixed(OffsetDateTime.parse(instant).toInstant(), ZoneOffset.UTC);
        return new CalendarHealthIndicator(calendars, at, new SimpleMeterRegistry()).missingYears();
    }
}
