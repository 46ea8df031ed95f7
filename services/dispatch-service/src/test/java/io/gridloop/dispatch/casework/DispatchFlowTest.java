package io.gridloop.dispatch.casework;

import io.gridloop.dispatch.casestore.CaseFiles;
import io.gridloop.infra.auth.Identity;
import io.gridloop.contracts.EventCodec;
import io.gridloop.contracts.EventEnvelope;
import io.gridloop.contracts.ServiceNames;
import io.gridloop.contracts.Topics;
import io.gridloop.contracts.event.CaseState;
import io.gridloop.contracts.event.CaseTransitioned;
import io.gridloop.contracts.event.EventCategory;
import io.gridloop.contracts.event.EventReported;
import io.gridloop.contracts.event.ReportSource;
import io.gridloop.dispatch.deadline.Deadlines;
import io.gridloop.dispatch.lifecycle.CaseFile;
import io.gridloop.dispatch.casestore.OutboxRelay;
import io.gridloop.dispatch.casestore.PendingOutbox;
import io.gridloop.dispatch.queue.OpenCase;
import io.gridloop.contracts.area.AreaLevel;
import io.gridloop.dispatch.Reports;
import io.gridloop.dispatch.routing.HandlingUnit;
import io.gridloop.dispatch.routing.RoutingDecision;
import io.gridloop.infra.ConsumerLag;
import io.gridloop.infra.ServiceIntegrationTest;
import io.gridloop.infra.TopicReader;
import io.gridloop.infra.TopicWriter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class DispatchFlowTest extends ServiceIntegrationTest {

    @Autowired
    CaseFiles cases;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    OutboxRelay relay;

    @Autowired
    PendingOutbox pending;

    private final EventCodec codec = new EventCodec();

    private String report() {
        String id = UUID.randomUUID().toString();
        Instant now = Instant.now();
        EventReported event = Reports.of(id, ReportSource.CITIZEN_PHOTO, "WATER_SUPPLY", "150102003004005",
                "新城区", now, null);
        TopicWriter.send(bootstrap, Topics.EVENT_REPORTED.name(), id,
                codec.encode(EventEnvelope.of(Topics.EVENT_REPORTED, id, ServiceNames.INTAKE, now, id, event)));
        return id;
    }

    private CaseFile awaitCase(String id) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> cases.find(id).orElse(null),
                c -> c != null && c.outbox().isEmpty());
    }

    private List<CaseTransitioned> transitionsOf(String caseId) {
        return TopicReader.readAll(bootstrap, Topics.CASE_TRANSITIONED.name()).stream()
                .filter(r -> caseId.equals(r.key()))
                .map(r -> codec.decode(Topics.CASE_TRANSITIONED, r.value()).data())
                .toList();
    }

    private List<PendingOutbox.Marker> markersOf(String caseId) {
        return pending.olderThan(Instant.now().plusSeconds(60)).stream().filter(m -> m.caseId().equals(caseId))
                .toList();
    }

    private RestTestClient.ResponseSpec act(String caseId, String action) {
        return as(Identity.of("op-1", List.of("OPERATOR"), "CN")).post()
                .uri("/api/v1/cases/{id}/actions/{action}", caseId, action)
                .contentType(MediaType.APPLICATION_JSON).body("{\"comment\":\"ok\"}").exchange();
    }

    @Test
    void shouldOpenAndRouteACaseByTheRulesForAReportedEventAndPublishBothTransitions() {
        String id = report();

        CaseFile opened = awaitCase(id);

        // 供水问题 is first handled at district level, where the default rules send it to the water authority.
        assertThat(opened.state()).isEqualTo(CaseState.ROUTED);
        assertThat(opened.handling().unitCode()).isEqualTo("150102-WATER");
        assertThat(opened.handling().unitName()).isEqualTo("新城区水务局");
        assertThat(opened.handling().routingRule()).startsWith("dept-water-supply@v");
        assertThat(transitionsOf(id)).extracting(CaseTransitioned::toState)
                .containsExactly(CaseState.REPORTED, CaseState.ROUTED);
        assertThat(transitionsOf(id).getLast().routingRule()).isEqualTo(opened.handling().routingRule());
    }

    @Test
    void shouldNumberCasesByBeijingDayAndDistrictAndFindThemByNumber() {
        String first = report();
        String second = report();
        CaseFile a = awaitCase(first);
        CaseFile b = awaitCase(second);

        // 新城区 (150102), on the Beijing date of the report; one district-day's numbers count up without gaps.
        String day = java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd")
                .format(a.report().reportedAt().atZone(java.time.ZoneId.of("Asia/Shanghai")));
        assertThat(a.caseNumber()).matches(day + "150102\\d{5}");
        assertThat(Set.of(a.caseNumber(), b.caseNumber())).hasSize(2);
        assertThat(Math.abs(Long.parseLong(a.caseNumber()) - Long.parseLong(b.caseNumber()))).isEqualTo(1);
        assertThat(transitionsOf(first)).extracting(CaseTransitioned::caseNumber)
                .containsOnly(a.caseNumber());

        as(Identity.of("op-1", List.of("OPERATOR"), "150102")).get().uri("/api/v1/cases/{n}", b.caseNumber())
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.caseId").isEqualTo(second).jsonPath("$.caseNumber").isEqualTo(b.caseNumber());
        // Merging names its target by number as readily as by id.
        as(Identity.of("op-1", List.of("OPERATOR"), "150102")).post()
                .uri("/api/v1/cases/{n}/actions/merge", b.caseNumber()).contentType(MediaType.APPLICATION_JSON)
                .body("{\"mergeInto\":\"" + a.caseNumber() + "\"}").exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.mergedInto").isEqualTo(first);
        // A number in another district is as unknown to this operator as any case they may not see.
        as(Identity.of("op-2", List.of("OPERATOR"), "150105")).get().uri("/api/v1/cases/{n}", a.caseNumber())
                .exchange().expectStatus().isNotFound();
    }

    @Test
    void shouldIgnoreARedeliveredReport() {
        String id = report();
        awaitCase(id);
        byte[] again = TopicReader.readAll(bootstrap, Topics.EVENT_REPORTED.name()).stream()
                .filter(r -> id.equals(r.key())).findFirst().orElseThrow().value();

        TopicWriter.send(bootstrap, Topics.EVENT_REPORTED.name(), id, again);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                ConsumerLag.of(bootstrap, ServiceNames.DISPATCH, Topics.EVENT_REPORTED.name()) == 0);

        assertThat(cases.find(id).orElseThrow().sequence()).isEqualTo(2);
        // …and takes no second number: the next report's number follows the first's.
        String next = report();
        assertThat(Long.parseLong(awaitCase(next).caseNumber()) - Long.parseLong(cases.find(id).orElseThrow()
                .caseNumber())).isEqualTo(1);
        assertThat(mongo.count(org.springframework.data.mongodb.core.query.Query.query(
                org.springframework.data.mongodb.core.query.Criteria.where("_id").is(id)), "cases")).isEqualTo(1);
        assertThat(transitionsOf(id)).hasSize(2);
    }

    @Test
    void shouldRunTheLoopToClosedThroughTheApi() {
        String id = report();
        awaitCase(id);

        act(id, "accept").expectStatus().isOk().expectBody().jsonPath("$.state").isEqualTo("ACCEPTED");
        act(id, "feedback").expectStatus().isOk().expectBody().jsonPath("$.stateLabel").isEqualTo("已反馈待复核");
        act(id, "close").expectStatus().isOk()
                .expectBody()
                .jsonPath("$.state").isEqualTo("CLOSED")
                .jsonPath("$.allowedActions").isEqualTo(List.of("reopen"))
                .jsonPath("$.timeline.length()").isEqualTo(5)
                .jsonPath("$.timeline[4].actor").isEqualTo("op-1");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(transitionsOf(id)).extracting(CaseTransitioned::toState).containsExactly(
                        CaseState.REPORTED, CaseState.ROUTED, CaseState.ACCEPTED, CaseState.FEEDBACK_SUBMITTED,
                        CaseState.CLOSED));
        // Relayed entries' markers go a batch at a time, soon after.
        await().atMost(Duration.ofSeconds(10)).until(() -> markersOf(id).isEmpty());
    }

    @Test
    void shouldKeepTheUnitsQueueAtEachCasesLatestStateWhileActionsRace() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            ids.add(report());
        }
        ids.forEach(this::awaitCase);
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            List<Callable<Integer>> work = new ArrayList<>();
            for (String id : ids) {
                // A feedback right behind the accept: it either fails (409, still routed) or lands on top of it,
                // and the queue entry must end at whichever state the case ends at.
                work.add(() -> act(id, "accept").returnResult(String.class).getStatus().value());
                work.add(() -> act(id, "feedback").returnResult(String.class).getStatus().value());
            }
            pool.invokeAll(work);
        }

        for (String id : ids) {
            CaseFile stored = cases.find(id).orElseThrow();
            assertThat(stored.state()).isIn(CaseState.ACCEPTED, CaseState.FEEDBACK_SUBMITTED);
            assertThat(mongo.findById(id, OpenCase.class, "open_cases")).as("queue entry of %s", id)
                    .extracting(OpenCase::state, OpenCase::version)
                    .containsExactly(stored.state(), stored.version());
        }
    }

    @Test
    void shouldRunReworkAndEscalationThroughTheLoopAndPublishEveryStep() {
        String id = report();
        awaitCase(id);

        act(id, "accept").expectStatus().isOk();
        act(id, "feedback").expectStatus().isOk();
        act(id, "rework").expectStatus().isOk().expectBody()
                .jsonPath("$.state").isEqualTo("REWORK")
                .jsonPath("$.reworkCount").isEqualTo(1);
        act(id, "escalate").expectStatus().isOk().expectBody()
                .jsonPath("$.state").isEqualTo("ESCALATED")
                .jsonPath("$.level").isEqualTo("CITY")
                .jsonPath("$.levelLabel").isEqualTo("市");
        act(id, "accept").expectStatus().isOk();
        act(id, "feedback").expectStatus().isOk();
        act(id, "close").expectStatus().isOk().expectBody().jsonPath("$.closedAt").exists();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<CaseTransitioned> events = transitionsOf(id);
            assertThat(events).extracting(t -> t.action().wireName()).containsExactly("report", "route", "accept",
                    "feedback", "rework", "escalate", "accept", "feedback", "close");
            CaseTransitioned closed = events.getLast();
            assertThat(closed.reworkCount()).isEqualTo(1);
            assertThat(closed.level()).isEqualTo(AreaLevel.CITY);
            assertThat(closed.onTime()).isTrue();
            assertThat(events.get(5).reason()).isEqualTo("ok");
        });
    }

    @Test
    void shouldAnswerAMissingReasonWith422NamingTheField() {
        String id = report();
        awaitCase(id);

        http.post().uri("/api/v1/cases/{id}/actions/return", id).contentType(MediaType.APPLICATION_JSON)
                .body("{\"actor\":\"h-1\"}").exchange()
                .expectStatus().isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT)
                .expectBody()
                .jsonPath("$.code").isEqualTo("INVALID_ACTION")
                .jsonPath("$.errors[0].field").isEqualTo("comment");
    }

    @Test
    void shouldRefuseAFeedbackWithoutTheResultTheReviewChecks() {
        String id = report();
        awaitCase(id);
        act(id, "accept").expectStatus().isOk();

        for (String empty : List.of("{}", "{\"comment\":\"   \"}")) {
            http.post().uri("/api/v1/cases/{id}/actions/feedback", id).contentType(MediaType.APPLICATION_JSON)
                    .body(empty).exchange()
                    .expectStatus().isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT)
                    .expectBody()
                    .jsonPath("$.detail").isEqualTo("反馈须填写处理结果")
                    .jsonPath("$.errors[0].field").isEqualTo("comment");
        }
        act(id, "feedback").expectStatus().isOk().expectBody().jsonPath("$.state").isEqualTo("FEEDBACK_SUBMITTED");
    }

    @Test
    void shouldMergeADuplicateIntoAnOpenCaseOnly() {
        String kept = report();
        String duplicate = report();
        awaitCase(kept);
        awaitCase(duplicate);

        http.post().uri("/api/v1/cases/{id}/actions/merge", duplicate).contentType(MediaType.APPLICATION_JSON)
                .body("{\"actor\":\"op\",\"mergeInto\":\"" + kept + "\"}").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.state").isEqualTo("MERGED").jsonPath("$.mergedInto").isEqualTo(kept);
        http.post().uri("/api/v1/cases/{id}/actions/merge", kept).contentType(MediaType.APPLICATION_JSON)
                .body("{\"actor\":\"op\",\"mergeInto\":\"" + duplicate + "\"}").exchange()
                .expectStatus().isEqualTo(HttpStatus.CONFLICT)
                .expectBody().jsonPath("$.code").isEqualTo("MERGE_TARGET_FINAL");
    }

    @Test
    void shouldAnswerAnIllegalActionWith409ListingTheAllowedOnes() {
        String id = report();
        awaitCase(id);

        act(id, "close")
                .expectStatus().isEqualTo(HttpStatus.CONFLICT)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code").isEqualTo("ILLEGAL_TRANSITION")
                .jsonPath("$.state").isEqualTo("ROUTED")
                .jsonPath("$.allowedActions").isEqualTo(List.of("accept", "assign", "claim", "escalate",
                        "invalidate", "merge", "reassign", "return", "suspend"));
    }

    @Test
    void shouldRefuseSystemAndUnknownActionsAndUnknownCases() {
        String id = report();
        awaitCase(id);

        act(id, "report").expectStatus().isBadRequest().expectBody().jsonPath("$.code").isEqualTo("UNKNOWN_ACTION");
        act(id, "teleport").expectStatus().isBadRequest();
        act("no-such-case", "accept").expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("CASE_NOT_FOUND");
    }

    @Test
    void shouldLetOnlyOneOfTwoConcurrentClosesWin() throws Exception {
        String id = report();
        awaitCase(id);
        act(id, "accept").expectStatus().isOk();
        act(id, "feedback").expectStatus().isOk();

        List<Integer> statuses = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            List<Callable<Integer>> closes = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                closes.add(() -> act(id, "close").returnResult(String.class).getStatus().value());
            }
            for (Future<Integer> f : pool.invokeAll(closes)) {
                statuses.add(f.get());
            }
        }

        assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
        assertThat(statuses).filteredOn(s -> s == 409).hasSize(3);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(transitionsOf(id)).filteredOn(t -> t.toState() == CaseState.CLOSED).hasSize(1));
    }

    @Test
    void shouldRelayEventsAStoredChangeLeftBehind() {
        // As if the service died right after storing a case, before relaying its events.
        String id = UUID.randomUUID().toString();
        Instant now = Instant.now();
        EventReported event = Reports.of(id, ReportSource.AI_CAMERA, "MANHOLE", "150104001001001", "玉泉区", now,
                null);
        Instant due = now.plusSeconds(3 * 86_400);
        CaseFile opened = CaseFile.open("2026120615010500001", event, Optional.of(RoutingDecision.manual(new HandlingUnit("150104",
                "玉泉区网格化服务管理中心", AreaLevel.DISTRICT))), new Deadlines(due, due, due), now);
        assertThat(cases.insertNew(opened)).isTrue();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(transitionsOf(id)).extracting(CaseTransitioned::toState)
                        .containsExactly(CaseState.REPORTED, CaseState.ROUTED));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(cases.find(id).orElseThrow().outbox()).isEmpty());
        await().atMost(Duration.ofSeconds(10)).until(() -> markersOf(id).isEmpty());
    }

    @Test
    void shouldDeadLetterAPoisonReportAndCarryOn() {
        String key = "poison-" + UUID.randomUUID();
        TopicWriter.send(bootstrap, Topics.EVENT_REPORTED.name(), key,
                "{not an envelope".getBytes(StandardCharsets.UTF_8));
        String next = report();

        awaitCase(next);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(TopicReader.readAll(bootstrap, Topics.EVENT_REPORTED.deadLetterTopic()))
                        .anySatisfy(r -> assertThat(r.key()).isEqualTo(key)));
    }
}
