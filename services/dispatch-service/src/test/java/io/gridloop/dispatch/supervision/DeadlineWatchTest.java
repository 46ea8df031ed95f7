package io.gridloop.dispatch.supervision;

import io.gridloop.contracts.EventCodec;
import io.gridloop.contracts.Topics;
import io.gridloop.contracts.event.CaseState;
import io.gridloop.contracts.event.CaseTransitioned;
import io.gridloop.contracts.event.EventCategory;
import io.gridloop.contracts.event.EventReported;
import io.gridloop.contracts.event.ReportSource;
import io.gridloop.dispatch.casestore.CaseFiles;
import io.gridloop.dispatch.deadline.Deadlines;
import io.gridloop.dispatch.lifecycle.CaseFile;
import io.gridloop.dispatch.casestore.OutboxRelay;
import io.gridloop.contracts.area.AreaLevel;
import io.gridloop.dispatch.Reports;
import io.gridloop.dispatch.routing.HandlingUnit;
import io.gridloop.dispatch.routing.RoutingDecision;
import io.gridloop.infra.ServiceIntegrationTest;
import io.gridloop.infra.TopicReader;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Deadlines read back from the database, as after a restart: cases whose deadlines passed while no watch ran are
 * stored directly, then the watch scans.
 */
class DeadlineWatchTest extends ServiceIntegrationTest {

    @Autowired
    CaseFiles cases;

    @Autowired
    OutboxRelay relay;

    @Autowired
    DeadlineWatch watch;

    @Autowired
    Supervisions supervisions;

    private final EventCodec codec = new EventCodec();

    /** A district of its own, so its queue holds only this test's cases. */
    private final String district = "9" + ThreadLocalRandom.current().nextInt(10_000, 100_000);

    private String storeCase(Instant reportedAt, Deadlines deadlines) {
        String id = UUID.randomUUID().toString();
        EventReported event = Reports.of(id, "MANHOLE", district + "001002003", "测试区", reportedAt);
        CaseFile opened = CaseFile.open("2026120615010500001", event, Optional.of(RoutingDecision.manual(new HandlingUnit(district,
                "测试区网格化服务管理中心", AreaLevel.DISTRICT))), deadlines, reportedAt);
        assertThat(cases.insertNew(opened)).isTrue();
        relay.relay(id);
        return id;
    }

    @Autowired
    io.micrometer.core.instrument.MeterRegistry meters;

    private double warnings() {
        return meters.get("gridloop.dispatch.deadline.warnings").counter().count();
    }

    private List<CaseTransitioned> transitionsOf(String caseId) {
        return TopicReader.readAll(bootstrap, Topics.CASE_TRANSITIONED.name()).stream()
                .filter(r -> caseId.equals(r.key()))
                .map(r -> codec.decode(Topics.CASE_TRANSITIONED, r.value()).data()).toList();
    }

    @Test
    void shouldSuperviseACaseThatFellDueWhileNobodyWatchedAndNotifyTheLevelAbove() {
        Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        Instant due = now.minus(Duration.ofDays(2));
        String id = storeCase(now.minus(Duration.ofDays(6)),
                new Deadlines(now.minus(Duration.ofDays(5)), due, now.minus(Duration.ofDays(3))));

        watch.scan();

        CaseFile c = cases.find(id).orElseThrow();
        assertThat(c.overdue()).isTrue();
        assertThat(c.warned()).as("found past its deadline: supervised, never warned").isFalse();
        assertThat(c.state()).isEqualTo(CaseState.ROUTED);
        assertThat(c.timeline()).last().satisfies(e -> assertThat(e.action()).isEqualTo("overdue"));
        assertThat(supervisions.forCase(id)).singleElement().satisfies(s -> {
            assertThat(s.notifiedUnit()).isEqualTo(district.substring(0, 4) + "00");
            assertThat(s.level()).isEqualTo(AreaLevel.DISTRICT);
            assertThat(s.dueAt()).isEqualTo(due);
            assertThat(s.caseNumber()).isEqualTo(c.caseNumber()).isNotBlank();
        });
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(transitionsOf(id))
                .extracting(t -> t.action().wireName()).containsExactly("report", "route", "overdue"));

        watch.scan();

        assertThat(supervisions.forCase(id)).hasSize(1);
        assertThat(cases.find(id).orElseThrow().sequence()).isEqualTo(3);
    }

    @Autowired
    io.gridloop.dispatch.queue.OpenCases openCases;

    @Test
    void shouldGoOnWithTheOtherCasesWhenOneInTheQueueCannotBeWatched() {
        Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        Deadlines passed = new Deadlines(now.minus(Duration.ofDays(5)), now.minus(Duration.ofDays(2)),
                now.minus(Duration.ofDays(3)));
        // A queue entry whose case is not in the store (a store restored from an older backup than the queue's).
        EventReported lost = Reports.of(UUID.randomUUID().toString(), "MANHOLE", district + "001002003", "测试区",
                now.minus(Duration.ofDays(6)));
        openCases.sync(CaseFile.open("2026120615010500002", lost, Optional.empty(), passed,
                now.minus(Duration.ofDays(6))));
        String id = storeCase(now.minus(Duration.ofDays(6)), passed);

        watch.scan();

        assertThat(cases.find(id).orElseThrow().overdue()).isTrue();
        assertThat(cases.find(lost.eventId())).isEmpty();
    }

    @Test
    void shouldExposeItsCountersFromTheStartSoAlertsCanBeWrittenBeforeAnythingHappens() {
        assertThat(meters.find("gridloop.dispatch.deadline.warnings").counter()).isNotNull();
        for (var topic : Topics.all()) {
            if (topic.consumers().contains(io.gridloop.contracts.ServiceNames.DISPATCH)) {
                assertThat(meters.find("gridloop.kafka.dead.letters").tag("topic", topic.name()).counter())
                        .as("dead letters of " + topic.name()).isNotNull();
            }
        }
        assertThat(meters.find("gridloop.kafka.dead.letters").tag("topic", Topics.DISTRICT_STATS.name())
                .counter()).as("not a topic dispatch reads").isNull();
    }

    @Test
    void shouldWarnBeforeTheDeadlineWithoutSupervising() {
        Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        String id = storeCase(now.minus(Duration.ofDays(1)),
                new Deadlines(now.plus(Duration.ofDays(1)), now.plus(Duration.ofHours(6)), now.minusSeconds(60)));

        double warningsBefore = warnings();
        watch.scan();

        CaseFile c = cases.find(id).orElseThrow();
        assertThat(c.warned()).isTrue();
        // At least: the scheduled watch may warn other tests' cases meanwhile.
        assertThat(warnings()).as("the metric counts the warning").isGreaterThanOrEqualTo(warningsBefore + 1);
        assertThat(c.overdue()).isFalse();
        assertThat(supervisions.forCase(id)).isEmpty();
        assertThat(c.timeline()).last().satisfies(e -> assertThat(e.action()).isEqualTo("warn"));
    }

    @Test
    void shouldListAUnitsQueueSoonestDeadlineFirstAndFilterOverdue() {
        Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        String later = storeCase(now, new Deadlines(now.plus(Duration.ofDays(1)), now.plus(Duration.ofDays(3)),
                now.plus(Duration.ofDays(2))));
        String sooner = storeCase(now, new Deadlines(now.plus(Duration.ofDays(1)), now.plus(Duration.ofDays(2)),
                now.plus(Duration.ofDays(1))));
        String late = storeCase(now.minus(Duration.ofDays(9)), new Deadlines(now.minus(Duration.ofDays(8)),
                now.minus(Duration.ofDays(4)), now.minus(Duration.ofDays(5))));
        watch.scan();

        http.get().uri("/api/v1/queues/{unit}?size=2", district).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.total").isEqualTo(3)
                .jsonPath("$.items.length()").isEqualTo(2)
                .jsonPath("$.items[0].id").isEqualTo(late)
                .jsonPath("$.items[1].id").isEqualTo(sooner);
        http.get().uri("/api/v1/queues/{unit}?size=2&page=1", district).exchange()
                .expectBody().jsonPath("$.items[0].id").isEqualTo(later);
        http.get().uri("/api/v1/queues/{unit}?overdue=true", district).exchange()
                .expectBody()
                .jsonPath("$.total").isEqualTo(1)
                .jsonPath("$.items[0].id").isEqualTo(late)
                .jsonPath("$.items[0].stateLabel").isEqualTo("已分流");
        http.get().uri("/api/v1/supervisions?unit={unit}", district).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$[0].caseId").isEqualTo(late);
    }

    @Test
    void shouldDropAClosedCaseFromTheQueue() {
        Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        String id = storeCase(now, new Deadlines(now.plus(Duration.ofDays(1)), now.plus(Duration.ofDays(3)),
                now.plus(Duration.ofDays(2))));
        for (String action : List.of("accept", "feedback", "close")) {
            http.post().uri("/api/v1/cases/{id}/actions/{a}", id, action).contentType(MediaType.APPLICATION_JSON)
                    .body("{\"comment\":\"已处理\"}").exchange().expectStatus().isOk();
        }

        http.get().uri("/api/v1/queues/{unit}", district).exchange()
                .expectBody().jsonPath("$.total").isEqualTo(0);
        http.get().uri("/api/v1/cases/{id}/timeline", id).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.length()").isEqualTo(5).jsonPath("$[4].action").isEqualTo("close");
    }

    @Test
    void shouldRefuseAPageSizeBeyondTheLimit() {
        http.get().uri("/api/v1/queues/{unit}?size=1000", district).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("VALIDATION_FAILED");
    }
}
