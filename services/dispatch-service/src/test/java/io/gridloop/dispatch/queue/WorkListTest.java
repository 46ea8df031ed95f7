package io.gridloop.dispatch.queue;

import io.gridloop.contracts.event.ReportSource;
import io.gridloop.dispatch.Reports;
import io.gridloop.dispatch.calendar.CalendarStore;
import io.gridloop.dispatch.casestore.CaseFiles;
import io.gridloop.dispatch.deadline.HolidayCalendar;
import io.gridloop.infra.ServiceIntegrationTest;
import io.gridloop.infra.auth.Identity;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** The dispatch centre's work lists: tabs, counts, filters, and nobody else's area. */
class WorkListTest extends ServiceIntegrationTest {

    @Autowired
    CaseFiles cases;

    @Autowired
    CalendarStore calendar;


    /** A district of Hohhot no other test uses, so its lists hold only this test's cases. */
    private final String district = "15" + (10 + ThreadLocalRandom.current().nextInt(89)) + "2"
            + ThreadLocalRandom.current().nextInt(1, 10);

    private String report(String subCategory, ReportSource source) {
        return Reports.opened(bootstrap, cases, Reports.of(UUID.randomUUID().toString(), source, subCategory,
                district + "003004005", "测试区", Instant.now(), null)).id();
    }

    private Identity operator() {
        return Identity.of("op-" + district, List.of("OPERATOR"), district);
    }

    @Test
    void shouldListAnAreasOpenCasesByTabWithCountsAndFilters() {
        String water = report("WATER_SUPPLY", ReportSource.GRID_PATROL);
        String hotline = report("WATER_SUPPLY", ReportSource.CITIZEN_PHOTO);
        String unit = cases.find(water).orElseThrow().handling().unitCode();
        as(Identity.of("h-" + district, List.of("HANDLER"), district).withUnit(unit)).post()
                .uri("/api/v1/cases/{id}/actions/accept", water).exchange().expectStatus().isOk();
        // The handler's page offers the unit's actions with what their forms need — never the centre's.
        as(Identity.of("h-" + district, List.of("HANDLER"), district).withUnit(unit)).get()
                .uri("/api/v1/cases/{id}", water).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.actions[?(@.action == 'feedback')].label").isEqualTo(List.of("反馈"))
                .jsonPath("$.actions[?(@.action == 'feedback')].reasonRequired").isEqualTo(List.of(true))
                .jsonPath("$.actions[?(@.action == 'feedback')].inputs[0]").isEqualTo("PHOTOS")
                .jsonPath("$.actions[?(@.action == 'request-extension')].inputs[0]").isEqualTo("EXTENSION_DAYS")
                .jsonPath("$.actions[?(@.action == 'close')]").isEmpty()
                .jsonPath("$.actions[?(@.action == 'reassign')]").isEmpty()
                // The deadline in working days, counted on the holiday calendar dispatch keeps.
                .jsonPath("$.workingDaysLeft").isEqualTo(calendar.policy().calendar().workingDaysUntil(
                        LocalDate.now(HolidayCalendar.CHINA),
                        cases.find(water).orElseThrow().deadlines().closeBy().atZone(HolidayCalendar.CHINA).toLocalDate()));
        as(Identity.of("h-" + district, List.of("HANDLER"), district).withUnit(unit)).post()
                .uri("/api/v1/cases/{id}/actions/feedback", water).contentType(MediaType.APPLICATION_JSON)
                .body("{\"comment\":\"已修复水管\"}").exchange().expectStatus().isOk();

        as(operator()).get().uri("/api/v1/worklist/counts?area={a}", district).exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$[?(@.tab == 'OPEN')].count").isEqualTo(List.of(2))
                .jsonPath("$[?(@.tab == 'REVIEW')].count").isEqualTo(List.of(1))
                .jsonPath("$[?(@.tab == 'REVIEW')].label").isEqualTo(List.of("待复核"))
                .jsonPath("$[?(@.tab == 'TRIAGE')].count").isEqualTo(List.of(0));
        as(operator()).get().uri("/api/v1/worklist?area={a}&tab=REVIEW", district).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.total").isEqualTo(1).jsonPath("$.items[0].id").isEqualTo(water)
                .jsonPath("$.items[0].caseNumber").isEqualTo(cases.find(water).orElseThrow().caseNumber());
        as(operator()).get().uri("/api/v1/worklist?area={a}&source=CITIZEN_PHOTO", district).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.total").isEqualTo(1)
                .jsonPath("$.items[0].id").isEqualTo(hotline);
        // A street of the district: its grids' cases only.
        as(operator()).get().uri("/api/v1/worklist?area={a}", district + "003").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.total").isEqualTo(2);
        as(operator()).get().uri("/api/v1/worklist?area={a}", district + "009").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.total").isEqualTo(0);
    }

    @Test
    void shouldSplitAUnitsQueueIntoMineAndUnclaimed() {
        String first = report("WATER_SUPPLY", ReportSource.GRID_PATROL);
        String second = report("WATER_SUPPLY", ReportSource.GRID_PATROL);
        String unit = cases.find(first).orElseThrow().handling().unitCode();
        Identity handler = Identity.of("h-" + district, List.of("HANDLER"), district).withUnit(unit);
        as(handler).post().uri("/api/v1/cases/{id}/actions/claim", second).exchange().expectStatus().isOk();

        as(handler).get().uri("/api/v1/queues/{u}?unassigned=true", unit).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.items[*].id").isEqualTo(List.of(first));
        as(handler).get().uri("/api/v1/queues/{u}?assignee={me}", unit, handler.username()).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.items[*].id").isEqualTo(List.of(second));
        as(handler).get().uri("/api/v1/queues/{u}", unit).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.total").isEqualTo(2);
    }

    @Test
    void shouldListTheCasesThatEndedByDayUntilOneIsReopened() {
        String closedOne = report("WATER_SUPPLY", ReportSource.GRID_PATROL);
        String invalid = report("WATER_SUPPLY", ReportSource.CITIZEN_PHOTO);
        String stillOpen = report("WATER_SUPPLY", ReportSource.GRID_PATROL);
        for (String action : List.of("accept", "feedback", "close")) {
            as(operator()).post().uri("/api/v1/cases/{id}/actions/{a}", closedOne, action)
                    .contentType(MediaType.APPLICATION_JSON).body("{\"comment\":\"已处理\"}").exchange()
                    .expectStatus().isOk();
        }
        as(operator()).post().uri("/api/v1/cases/{id}/actions/invalidate", invalid)
                .contentType(MediaType.APPLICATION_JSON).body("{\"comment\":\"重复上报\"}").exchange()
                .expectStatus().isOk();

        as(operator()).get().uri("/api/v1/worklist/closed?area={a}", district).exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.total").isEqualTo(2)
                .jsonPath("$.items[*].id").value(ids -> assertThat(((List<?>) ids).stream().map(String::valueOf)
                        .toList()).containsExactlyInAnyOrder(closedOne, invalid).doesNotContain(stillOpen))
                .jsonPath("$.items[?(@.id == '" + closedOne + "')].stateLabel").isEqualTo(List.of("已结案"))
                .jsonPath("$.items[?(@.id == '" + closedOne + "')].closedAt").exists();
        // Closed: no deadline left to count.
        as(operator()).get().uri("/api/v1/cases/{id}", closedOne).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.workingDaysLeft").doesNotExist();

        // "Not fixed": open again, so no longer among those that ended.
        as(operator()).post().uri("/api/v1/cases/{id}/actions/reopen", closedOne)
                .contentType(MediaType.APPLICATION_JSON).body("{\"comment\":\"群众反映仍未解决\"}").exchange()
                .expectStatus().isOk();
        as(operator()).get().uri("/api/v1/worklist/closed?area={a}", district).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.total").isEqualTo(1).jsonPath("$.items[0].id").isEqualTo(invalid);

        as(operator()).get().uri("/api/v1/worklist/closed?area={a}&from=2026-01-01&to=2026-03-01", district)
                .exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.code").isEqualTo("BAD_DATE_RANGE");
    }

    @Test
    void shouldNameTheCaseVocabularyInChineseForThePages() {
        as(operator()).get().uri("/api/v1/vocabulary").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.states[?(@.code == 'FEEDBACK_SUBMITTED')].label").isEqualTo(List.of("已反馈待复核"))
                .jsonPath("$.actions[?(@.code == 'request-extension')].label").isEqualTo(List.of("申请延期"))
                .jsonPath("$.sources[?(@.code == 'HOTLINE_12345')].label").isEqualTo(List.of("12345热线"))
                .jsonPath("$.unitKinds[?(@.code == 'DEPARTMENT')].label").isEqualTo(List.of("职能部门"))
                .jsonPath("$.patrolKinds[?(@.code == 'HOUSEHOLD_VISIT')].label").isEqualTo(List.of("入户走访"));
    }

    @Test
    void shouldRefuseAnotherDistrictsListAndABadFilter() {
        as(Identity.of("op-elsewhere", List.of("OPERATOR"), "150102")).get()
                .uri("/api/v1/worklist?area={a}", district).exchange().expectStatus().isForbidden();
        as(Identity.of("h-1", List.of("HANDLER"), district)).get()
                .uri("/api/v1/worklist/counts?area={a}", district).exchange().expectStatus().isForbidden();
        as(operator()).get().uri("/api/v1/worklist?area={a}&attention=late", district).exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.detail").value(d ->
                        assertThat(String.valueOf(d)).contains("预警"));
    }
}
