package io.gridloop.intake.progress;

import io.gridloop.contracts.EventCodec;
import io.gridloop.contracts.EventEnvelope;
import io.gridloop.contracts.ServiceNames;
import io.gridloop.contracts.Topics;
import io.gridloop.contracts.event.CaseState;
import io.gridloop.contracts.event.ReopenRequested;
import io.gridloop.contracts.event.ReportSource;
import io.gridloop.infra.ConsumerLag;
import io.gridloop.infra.ServiceIntegrationTest;
import io.gridloop.intake.CaseEvents;
import io.gridloop.infra.TopicReader;
import io.gridloop.intake.report.ReportApiTest;
import io.gridloop.intake.report.ReportReceipt;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ReporterViewTest extends ServiceIntegrationTest {

    private final EventCodec codec = new EventCodec();
    private final String reporter = "gw-" + UUID.randomUUID();

    private String report() {
        return http.post().uri("/api/v1/events").contentType(MediaType.APPLICATION_JSON)
                .body(ReportApiTest.report(UUID.randomUUID().toString(), reporter, "150105001001003")).exchange()
                .expectStatus().isAccepted().expectBody(ReportReceipt.class).returnResult().getResponseBody()
                .eventId();
    }

    private void transition(String caseId, int seq, String action, CaseState from, CaseState to, String reason) {
        CaseEvents.publish(bootstrap, caseId, seq, action, from, to, ReportSource.GRID_PATROL, reason);
    }

    private RestTestClient.ResponseSpec notFixed(String eventId, String who) {
        return http.post().uri("/api/v1/events/{id}/not-fixed", eventId).contentType(MediaType.APPLICATION_JSON)
                .body("{\"reporterId\":\"" + who + "\",\"comment\":\"杂物又堆回来了\"}").exchange();
    }

    @Test
    void shouldFollowTheCaseAsTheReporterSeesItAndTakeANotFixedOnlyOnceClosed() {
        String id = report();
        http.get().uri("/api/v1/events/{id}", id).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.status").isEqualTo("SUBMITTED")
                .jsonPath("$.statusLabel").isEqualTo("已上报")
                .jsonPath("$.communityName").isEqualTo("新城社区")
                .jsonPath("$.canMarkNotFixed").isEqualTo(false);
        notFixed(id, reporter).expectStatus().isEqualTo(HttpStatus.CONFLICT).expectBody()
                .jsonPath("$.code").isEqualTo("NOT_CLOSED")
                // RFC 9457: status is the HTTP code; the report's own status has a member of its own.
                .jsonPath("$.status").isEqualTo(409)
                .jsonPath("$.reportStatus").isEqualTo("SUBMITTED");

        transition(id, 1, "report", null, CaseState.REPORTED, null);
        transition(id, 2, "route", CaseState.REPORTED, CaseState.ROUTED, null);
        transition(id, 3, "accept", CaseState.ROUTED, CaseState.ACCEPTED, null);
        transition(id, 4, "feedback", CaseState.ACCEPTED, CaseState.FEEDBACK_SUBMITTED, "已清理楼道杂物");
        transition(id, 5, "close", CaseState.FEEDBACK_SUBMITTED, CaseState.CLOSED, null);
        transition(id, 3, "accept", CaseState.ROUTED, CaseState.ACCEPTED, null); // a late redelivery
        transition(id, 6, "visit", CaseState.CLOSED, CaseState.CLOSED, "12345回访：解决，满意"); // keeps closure 5

        // Read past every transition above, the late redelivery included, before judging what it did.
        await().atMost(Duration.ofSeconds(30)).until(() ->
                ConsumerLag.of(bootstrap, ServiceNames.INTAKE, Topics.CASE_TRANSITIONED.name()) == 0);
        http.get().uri("/api/v1/events/{id}", id).exchange().expectBody()
                .jsonPath("$.status").isEqualTo("CLOSED")
                .jsonPath("$.statusLabel").isEqualTo("已办结")
                .jsonPath("$.result").isEqualTo("已清理楼道杂物")
                .jsonPath("$.resultPhotoIds[0]").isEqualTo(CaseEvents.RESULT_PHOTO)
                .jsonPath("$.canMarkNotFixed").isEqualTo(true);

        notFixed(id, "someone-else").expectStatus().isForbidden().expectBody()
                .jsonPath("$.code").isEqualTo("NOT_YOUR_REPORT");
        notFixed(id, reporter).expectStatus().isAccepted();

        List<EventEnvelope<ReopenRequested>> requests = TopicReader.readAll(bootstrap,
                        Topics.REOPEN_REQUESTED.name()).stream().filter(r -> id.equals(r.key()))
                .map(r -> codec.decode(Topics.REOPEN_REQUESTED, r.value())).toList();
        assertThat(requests).hasSize(1);
        assertThat(requests.getFirst().id()).isEqualTo(id + "-reopen-5");
        assertThat(requests.getFirst().data().closedSequence()).isEqualTo(5);
        assertThat(requests.getFirst().data().comment()).isEqualTo("杂物又堆回来了");
        // The centre passed the reporter's word on: the request names the centre, not the reporter, as who asked.
        assertThat(requests.getFirst().data().reporterId()).isEqualTo(reporter);
        assertThat(requests.getFirst().data().requestedBy()).isEqualTo(TESTER.username());
        assertThat(requests.getFirst().data().requestedByRole()).isEqualTo("OPERATOR");
    }

    @Test
    void shouldListAReportersOwnReportsNewestFirstOnePageAtATime() {
        String first = report();
        String second = report();
        String third = report();

        http.get().uri("/api/v1/events?reporterId={r}&size=2", reporter).exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.total").isEqualTo(3)
                .jsonPath("$.items.length()").isEqualTo(2)
                .jsonPath("$.items[0].eventId").isEqualTo(third)
                .jsonPath("$.items[1].eventId").isEqualTo(second);
        http.get().uri("/api/v1/events?reporterId={r}&size=2&page=1", reporter).exchange().expectBody()
                .jsonPath("$.items.length()").isEqualTo(1)
                .jsonPath("$.items[0].eventId").isEqualTo(first)
                .jsonPath("$.items[0].status").isEqualTo("SUBMITTED");
        http.get().uri("/api/v1/events?reporterId={r}&size=500", reporter).exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("size");
    }

    /** The reporter is told the present truth: no old result after a re-open, why it was voided, where it went. */
    @Test
    void shouldShowWhatIsTrueNowAfterAReopenAnInvalidationOrAMerge() {
        String reopened = report();
        transition(reopened, 1, "report", null, CaseState.REPORTED, null);
        transition(reopened, 2, "route", CaseState.REPORTED, CaseState.ROUTED, null);
        transition(reopened, 3, "accept", CaseState.ROUTED, CaseState.ACCEPTED, null);
        transition(reopened, 4, "feedback", CaseState.ACCEPTED, CaseState.FEEDBACK_SUBMITTED, "已疏通下水道");
        transition(reopened, 5, "close", CaseState.FEEDBACK_SUBMITTED, CaseState.CLOSED, null);
        transition(reopened, 6, "reopen", CaseState.CLOSED, CaseState.ROUTED, "群众反映仍然堵塞");

        String voided = report();
        transition(voided, 1, "report", null, CaseState.REPORTED, null);
        transition(voided, 2, "invalidate", CaseState.REPORTED, CaseState.INVALID, "照片与描述不符，现场无此问题");

        String kept = report();
        String merged = report();
        transition(kept, 1, "report", null, CaseState.REPORTED, null);
        transition(kept, 2, "route", CaseState.REPORTED, CaseState.ROUTED, null);
        transition(kept, 3, "accept", CaseState.ROUTED, CaseState.ACCEPTED, null);
        transition(kept, 4, "feedback", CaseState.ACCEPTED, CaseState.FEEDBACK_SUBMITTED, "已修复井盖");
        transition(kept, 5, "close", CaseState.FEEDBACK_SUBMITTED, CaseState.CLOSED, null);
        CaseEvents.publish(bootstrap, merged, 1, "report", null, CaseState.REPORTED, ReportSource.GRID_PATROL, null);
        CaseEvents.publish(bootstrap, merged, 2, "merge", CaseState.REPORTED, CaseState.MERGED,
                ReportSource.GRID_PATROL, "与已上报事件为同一井盖", kept);

        await().atMost(Duration.ofSeconds(30)).until(() ->
                ConsumerLag.of(bootstrap, ServiceNames.INTAKE, Topics.CASE_TRANSITIONED.name()) == 0);
        http.get().uri("/api/v1/events/{id}", reopened).exchange().expectBody()
                .jsonPath("$.status").isEqualTo("DISPATCHED")
                .jsonPath("$.result").doesNotExist()
                .jsonPath("$.closedAt").doesNotExist()
                .jsonPath("$.canMarkNotFixed").isEqualTo(false);
        http.get().uri("/api/v1/events/{id}", voided).exchange().expectBody()
                .jsonPath("$.status").isEqualTo("INVALID")
                .jsonPath("$.statusLabel").isEqualTo("已作废")
                .jsonPath("$.statusReason").isEqualTo("照片与描述不符，现场无此问题");
        http.get().uri("/api/v1/events/{id}", merged).exchange().expectBody()
                .jsonPath("$.status").isEqualTo("MERGED")
                .jsonPath("$.mergedInto.eventId").isEqualTo(kept)
                .jsonPath("$.mergedInto.status").isEqualTo("CLOSED")
                .jsonPath("$.mergedInto.statusLabel").isEqualTo("已办结")
                .jsonPath("$.mergedInto.result").isEqualTo("已修复井盖");
        http.get().uri("/api/v1/events?reporterId={r}&size=10", reporter).exchange().expectBody()
                .jsonPath("$.items[?(@.eventId == '" + merged + "')].mergedInto.status").isEqualTo(List.of("CLOSED"));
    }
}
