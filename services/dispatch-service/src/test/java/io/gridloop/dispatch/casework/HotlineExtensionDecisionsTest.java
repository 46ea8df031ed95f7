package io.gridloop.dispatch.casework;

import io.gridloop.dispatch.casestore.CaseFiles;
import io.gridloop.contracts.EventCodec;
import io.gridloop.contracts.EventEnvelope;
import io.gridloop.contracts.ServiceNames;
import io.gridloop.contracts.Topics;
import io.gridloop.contracts.event.CaseState;
import io.gridloop.contracts.event.HotlineExtensionDecided;
import io.gridloop.contracts.event.ReportSource;
import io.gridloop.dispatch.Reports;
import io.gridloop.dispatch.lifecycle.CaseFile;
import io.gridloop.infra.ConsumerLag;
import io.gridloop.infra.ServiceIntegrationTest;
import io.gridloop.infra.TopicWriter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A 12345 order's extension is the hotline's to decide: its answer moves the deadline, the centre's cannot. */
class HotlineExtensionDecisionsTest extends ServiceIntegrationTest {

    @Autowired
    CaseFiles cases;

    private final EventCodec codec = new EventCodec();

    /** A 12345 case whose unit asked for three more working days: returns the request's sequence. */
    private int extensionRequested(String id) {
        Instant now = Instant.now();
        TopicWriter.send(bootstrap, Topics.EVENT_REPORTED.name(), id, codec.encode(EventEnvelope.of(
                Topics.EVENT_REPORTED, id, ServiceNames.INTAKE, now, id,
                Reports.of(id, ReportSource.HOTLINE_12345, "MANHOLE", "150104001001001", "玉泉区", now,
                        now.plus(Duration.ofDays(5)).truncatedTo(ChronoUnit.SECONDS)))));
        await().atMost(Duration.ofSeconds(30)).until(() -> cases.find(id).isPresent());
        act(id, "accept", "{\"actor\":\"h-1\"}").expectStatus().isOk();
        act(id, "request-extension", "{\"actor\":\"h-1\",\"comment\":\"需更换整段管线\",\"extensionWorkingDays\":3}")
                .expectStatus().isOk().expectBody().jsonPath("$.allowedActions").value(actions ->
                        assertThat((java.util.List<Object>) actions).doesNotContain("approve-extension",
                                "reject-extension"));
        return cases.find(id).orElseThrow().sequence();
    }

    private org.springframework.test.web.servlet.client.RestTestClient.ResponseSpec act(String id, String action,
                                                                                       String body) {
        return http.post().uri("/api/v1/cases/{id}/actions/{a}", id, action).contentType(MediaType.APPLICATION_JSON)
                .body(body).exchange();
    }

    private void decide(String caseId, String decisionId, int requestSequence, boolean approved, Instant dueAt,
                        String reason) {
        HotlineExtensionDecided d = new HotlineExtensionDecided(caseId, "GD-" + caseId.substring(0, 8),
                requestSequence, approved, dueAt, reason, decisionId, Instant.now());
        TopicWriter.send(bootstrap, Topics.HOTLINE_EXTENSION_DECIDED.name(), caseId, codec.encode(EventEnvelope.of(
                Topics.HOTLINE_EXTENSION_DECIDED, decisionId, ServiceNames.HOTLINE_BRIDGE, Instant.now(), caseId, d)));
    }

    private void awaitConsumed() {
        await().atMost(Duration.ofSeconds(30)).until(() ->
                ConsumerLag.of(bootstrap, ServiceNames.DISPATCH, Topics.HOTLINE_EXTENSION_DECIDED.name()) == 0);
    }

    @Test
    void shouldTakeTheDeadlineTheHotlineSetAndRefuseTheCentresOwnDecision() {
        String id = UUID.randomUUID().toString();
        int request = extensionRequested(id);
        CaseFile asked = cases.find(id).orElseThrow();

        act(id, "approve-extension", "{\"actor\":\"op-1\"}").expectStatus().isEqualTo(422).expectBody()
                .jsonPath("$.detail").value(d -> assertThat((String) d).contains("由12345平台审核"));

        Instant hotlineDue = asked.deadlines().closeBy().plus(Duration.ofDays(4));
        decide(id, "YQ-1-" + id, request - 1, true, hotlineDue.plus(Duration.ofDays(9)), null);  // an older request
        decide(id, "YQ-2-" + id, request, true, hotlineDue, "同意延期至下周");
        decide(id, "YQ-2-" + id, request, true, hotlineDue, "同意延期至下周");  // sent again
        awaitConsumed();

        CaseFile granted = cases.find(id).orElseThrow();
        assertThat(granted.state()).isEqualTo(CaseState.ACCEPTED);
        assertThat(granted.deadlines().closeBy()).isEqualTo(hotlineDue);
        assertThat(granted.sequence()).as("one decision applied").isEqualTo(request + 1);
        assertThat(granted.timeline().getLast().role()).isEqualTo("HOTLINE");
        assertThat(granted.timeline().getLast().comment()).isEqualTo("12345平台：同意延期至下周");
    }

    @Test
    void shouldGoOnUnderTheOldDeadlineWhenTheHotlineRefuses() {
        String id = UUID.randomUUID().toString();
        int request = extensionRequested(id);
        Instant due = cases.find(id).orElseThrow().deadlines().closeBy();

        decide(id, "YQ-" + id, request, false, null, "群众反映强烈，请按原时限办结");
        awaitConsumed();

        CaseFile refused = cases.find(id).orElseThrow();
        assertThat(refused.state()).isEqualTo(CaseState.ACCEPTED);
        assertThat(refused.deadlines().closeBy()).isEqualTo(due);
        assertThat(refused.timeline().getLast().action()).isEqualTo("reject-extension");
        assertThat(refused.timeline().getLast().comment()).isEqualTo("12345平台：群众反映强烈，请按原时限办结");
    }
}
