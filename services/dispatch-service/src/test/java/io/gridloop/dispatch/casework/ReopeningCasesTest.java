package io.gridloop.dispatch.casework;

import io.gridloop.dispatch.casestore.CaseFiles;
import io.gridloop.contracts.EventCodec;
import io.gridloop.contracts.EventEnvelope;
import io.gridloop.contracts.ServiceNames;
import io.gridloop.contracts.Topics;
import io.gridloop.contracts.event.CaseState;
import io.gridloop.contracts.event.EventReported;
import io.gridloop.contracts.event.ReopenRequested;
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
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ReopeningCasesTest extends ServiceIntegrationTest {

    @Autowired
    CaseFiles cases;

    private final EventCodec codec = new EventCodec();

    private void send(Object topicData, String id, String envelopeId) {
        byte[] bytes = topicData instanceof EventReported e
                ? codec.encode(EventEnvelope.of(Topics.EVENT_REPORTED, envelopeId, ServiceNames.INTAKE,
                Instant.now(), id, e))
                : codec.encode(EventEnvelope.of(Topics.REOPEN_REQUESTED, envelopeId, ServiceNames.INTAKE,
                Instant.now(), id, (ReopenRequested) topicData));
        String topic = topicData instanceof EventReported ? Topics.EVENT_REPORTED.name()
                : Topics.REOPEN_REQUESTED.name();
        TopicWriter.send(bootstrap, topic, id, bytes);
    }

    private void act(String id, String action) {
        http.post().uri("/api/v1/cases/{id}/actions/{a}", id, action).contentType(MediaType.APPLICATION_JSON)
                .body("{\"actor\":\"h-1\",\"comment\":\"已处理\"}").exchange().expectStatus().isOk();
    }

    private void awaitConsumed() {
        await().atMost(Duration.ofSeconds(30)).until(() ->
                ConsumerLag.of(bootstrap, ServiceNames.DISPATCH, Topics.REOPEN_REQUESTED.name()) == 0);
    }

    /** A new case of 玉泉区, taken through to 结案. */
    private CaseFile closedCase() {
        String id = UUID.randomUUID().toString();
        send(Reports.of(id, "MANHOLE", "150104001001001", "玉泉区", Instant.now()), id, id);
        await().atMost(Duration.ofSeconds(30)).until(() -> cases.find(id).isPresent());
        act(id, "accept");
        act(id, "feedback");
        act(id, "close");
        return cases.find(id).orElseThrow();
    }

    @Test
    void shouldReopenAClosedCaseOnceHoweverOftenTheRequestArrivesAndIgnoreAStaleOne() {
        CaseFile closed = closedCase();
        String id = closed.id();
        int closure = closed.closingSequence().orElseThrow();

        ReopenRequested request = new ReopenRequested(id, "gw-1", "井盖仍然缺失", closure, Instant.now(), null, null);
        send(request, id, id + "-reopen-" + closure);
        send(request, id, id + "-reopen-" + closure);
        awaitConsumed();

        CaseFile reopened = cases.find(id).orElseThrow();
        assertThat(reopened.state()).isEqualTo(CaseState.ROUTED);
        assertThat(reopened.sequence()).as("one reopen transition").isEqualTo(closed.sequence() + 1);
        assertThat(reopened.timeline().getLast().role()).isEqualTo("REPORTER");
        assertThat(reopened.timeline().getLast().actor()).isEqualTo("gw-1");
        assertThat(reopened.timeline().getLast().comment()).isEqualTo("井盖仍然缺失");

        act(id, "accept");
        act(id, "feedback");
        act(id, "close");
        send(request, id, id + "-reopen-" + closure);
        awaitConsumed();
        assertThat(cases.find(id).orElseThrow().state()).as("a request for the old closure")
                .isEqualTo(CaseState.CLOSED);
    }

    /** A centre passing a resident's "not fixed" on is named in the timeline as itself, not as the reporter. */
    @Test
    void shouldRecordWhoAskedWhenACentreAsksForTheReporter() {
        CaseFile closed = closedCase();
        String id = closed.id();
        int closure = closed.closingSequence().orElseThrow();

        send(new ReopenRequested(id, "gw-1", "居民来电说仍未修好", closure, Instant.now(), "operator-yuquan",
                "OPERATOR"), id, id + "-reopen-" + closure);
        awaitConsumed();

        CaseFile reopened = cases.find(id).orElseThrow();
        assertThat(reopened.timeline().getLast().actor()).isEqualTo("operator-yuquan");
        assertThat(reopened.timeline().getLast().role()).isEqualTo("OPERATOR");
    }
}
