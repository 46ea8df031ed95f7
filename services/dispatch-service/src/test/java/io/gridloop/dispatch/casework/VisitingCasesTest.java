package io.gridloop.dispatch.casework;

import io.gridloop.dispatch.casestore.CaseFiles;
import io.gridloop.contracts.event.CaseAction;
import io.gridloop.contracts.EventCodec;
import io.gridloop.contracts.EventEnvelope;
import io.gridloop.contracts.ServiceNames;
import io.gridloop.contracts.Topics;
import io.gridloop.contracts.event.CaseState;
import io.gridloop.contracts.event.CaseTransitioned;
import io.gridloop.contracts.event.HotlineVisitRecorded;
import io.gridloop.contracts.event.VisitResolution;
import io.gridloop.contracts.event.VisitSatisfaction;
import io.gridloop.dispatch.Reports;
import io.gridloop.dispatch.lifecycle.CaseFile;
import io.gridloop.infra.ConsumerLag;
import io.gridloop.infra.ServiceIntegrationTest;
import io.gridloop.infra.TopicReader;
import io.gridloop.infra.TopicWriter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class VisitingCasesTest extends ServiceIntegrationTest {

    @Autowired
    CaseFiles cases;

    @Autowired
    MeterRegistry meters;

    private final EventCodec codec = new EventCodec();

    private String closedCase() {
        String id = UUID.randomUUID().toString();
        TopicWriter.send(bootstrap, Topics.EVENT_REPORTED.name(), id, codec.encode(EventEnvelope.of(
                Topics.EVENT_REPORTED, id, ServiceNames.INTAKE, Instant.now(), id,
                Reports.of(id, "MANHOLE", "150104001001001", "玉泉区", Instant.now()))));
        await().atMost(Duration.ofSeconds(30)).until(() -> cases.find(id).isPresent());
        for (String action : List.of("accept", "feedback", "close")) {
            http.post().uri("/api/v1/cases/{id}/actions/{a}", id, action).contentType(MediaType.APPLICATION_JSON)
                    .body("{\"actor\":\"h-1\",\"comment\":\"已处理\"}").exchange().expectStatus().isOk();
        }
        return id;
    }

    private void visit(String caseId, String visitId, VisitResolution resolution, VisitSatisfaction satisfaction) {
        HotlineVisitRecorded v = new HotlineVisitRecorded(caseId, "GD-" + caseId.substring(0, 8), resolution,
                satisfaction, "回访意见", "agent-3", Instant.now());
        TopicWriter.send(bootstrap, Topics.HOTLINE_VISIT_RECORDED.name(), caseId, codec.encode(EventEnvelope.of(
                Topics.HOTLINE_VISIT_RECORDED, visitId, ServiceNames.HOTLINE_BRIDGE, Instant.now(), caseId, v)));
    }

    private void awaitConsumed() {
        await().atMost(Duration.ofSeconds(30)).until(() ->
                ConsumerLag.of(bootstrap, ServiceNames.DISPATCH, Topics.HOTLINE_VISIT_RECORDED.name()) == 0);
    }

    private List<CaseTransitioned> published(String caseId) {
        return TopicReader.readAll(bootstrap, Topics.CASE_TRANSITIONED.name()).stream()
                .filter(r -> caseId.equals(r.key()))
                .map(r -> codec.decode(Topics.CASE_TRANSITIONED, r.value()).data()).toList();
    }

    @Test
    void shouldRecordAVisitOnceAndPublishItsResultForStatistics() {
        String id = closedCase();
        CaseFile closed = cases.find(id).orElseThrow();

        visit(id, "v-" + id, VisitResolution.RESOLVED, VisitSatisfaction.BASICALLY_SATISFIED);
        visit(id, "v-" + id, VisitResolution.RESOLVED, VisitSatisfaction.BASICALLY_SATISFIED);
        awaitConsumed();

        CaseFile visited = cases.find(id).orElseThrow();
        assertThat(visited.state()).isEqualTo(CaseState.CLOSED);
        assertThat(visited.sequence()).as("one visit transition").isEqualTo(closed.sequence() + 1);
        assertThat(visited.timeline().getLast().comment()).isEqualTo("12345回访：解决，基本满意（回访意见）");
        assertThat(visited.closingSequence()).as("still the same closure").isEqualTo(closed.closingSequence());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(published(id))
                .filteredOn(t -> t.action() == CaseAction.VISIT).singleElement().satisfies(t -> {
                    assertThat(t.visitResolution()).isEqualTo(VisitResolution.RESOLVED);
                    assertThat(t.visitSatisfaction()).isEqualTo(VisitSatisfaction.BASICALLY_SATISFIED);
                    assertThat(t.toState()).isEqualTo(CaseState.CLOSED);
                }));
        http.post().uri("/api/v1/cases/{id}/actions/visit", id).contentType(MediaType.APPLICATION_JSON)
                .body("{\"actor\":\"h-1\"}").exchange().expectStatus().isBadRequest();
    }

    @Test
    void shouldCountAVisitForAnUnknownCaseAndCarryOnWithoutDeadLetteringIt() {
        double before = meters.counter("gridloop.dispatch.visits.unknown.case").count();
        String unknown = UUID.randomUUID().toString();

        visit(unknown, "v-" + unknown, VisitResolution.RESOLVED, VisitSatisfaction.SATISFIED);
        String id = closedCase();
        visit(id, "v-" + id, VisitResolution.RESOLVED, VisitSatisfaction.SATISFIED);
        awaitConsumed();

        assertThat(meters.counter("gridloop.dispatch.visits.unknown.case").count()).isEqualTo(before + 1);
        assertThat(cases.find(unknown)).isEmpty();
        assertThat(cases.find(id).orElseThrow().lastVisit()).isNotNull();
        assertThat(TopicReader.readAll(bootstrap, Topics.HOTLINE_VISIT_RECORDED.deadLetterTopic()))
                .noneSatisfy(r -> assertThat(r.key()).isEqualTo(unknown));
    }

    @Test
    void shouldNotRecordAnOlderVisitAgainWhenItIsRedeliveredAfterANewerOne() {
        String id = closedCase();
        CaseFile closed = cases.find(id).orElseThrow();

        // As after a consumer restart that replays both: first, second, then the first again.
        visit(id, "v1-" + id, VisitResolution.PARTLY_RESOLVED, VisitSatisfaction.BASICALLY_SATISFIED);
        visit(id, "v2-" + id, VisitResolution.RESOLVED, VisitSatisfaction.SATISFIED);
        visit(id, "v1-" + id, VisitResolution.PARTLY_RESOLVED, VisitSatisfaction.BASICALLY_SATISFIED);
        awaitConsumed();

        CaseFile visited = cases.find(id).orElseThrow();
        assertThat(visited.sequence()).as("two visit transitions").isEqualTo(closed.sequence() + 2);
        assertThat(visited.lastVisit().visitId()).isEqualTo("v2-" + id);
        assertThat(visited.lastVisit().earlierVisitIds()).containsExactly("v1-" + id);
    }

    @Test
    void shouldReopenACaseTheCitizenIsNotSatisfiedWithOnceOnly() {
        String id = closedCase();
        CaseFile closed = cases.find(id).orElseThrow();

        visit(id, "v-" + id, VisitResolution.UNRESOLVED, VisitSatisfaction.UNSATISFIED);
        awaitConsumed();

        CaseFile reopened = cases.find(id).orElseThrow();
        assertThat(reopened.state()).isEqualTo(CaseState.ROUTED);
        assertThat(reopened.reworkCount()).isEqualTo(closed.reworkCount() + 1);
        assertThat(reopened.timeline().getLast().role()).isEqualTo("HOTLINE");

        for (String action : List.of("accept", "feedback", "close")) {
            http.post().uri("/api/v1/cases/{id}/actions/{a}", id, action).contentType(MediaType.APPLICATION_JSON)
                    .body("{\"actor\":\"h-1\",\"comment\":\"已处理\"}").exchange().expectStatus().isOk();
        }
        visit(id, "v-" + id, VisitResolution.UNRESOLVED, VisitSatisfaction.UNSATISFIED);
        awaitConsumed();
        assertThat(cases.find(id).orElseThrow().state()).as("the old visit judged the old closure")
                .isEqualTo(CaseState.CLOSED);
    }
}
