package io.gridloop.hotline;

import io.gridloop.contracts.area.AreaLevel;
import io.gridloop.contracts.event.CaseAction;
import io.gridloop.contracts.EventCodec;
import io.gridloop.contracts.EventEnvelope;
import io.gridloop.contracts.ServiceNames;
import io.gridloop.contracts.Topics;
import io.gridloop.contracts.event.CaseState;
import io.gridloop.contracts.event.CaseTransitioned;
import io.gridloop.contracts.event.EventCategory;
import io.gridloop.contracts.event.ReportSource;
import io.gridloop.infra.TopicWriter;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A case's transitions as dispatch publishes them, for driving the bridge without dispatch. */
public final class TestTransitions {

    private final String bootstrap;
    private final String caseId;
    private final ReportSource source;
    private final EventCodec codec = new EventCodec();
    private final Instant reported = Instant.now().minusSeconds(600);
    private int sequence;
    private CaseState state;
    private final List<EventEnvelope<CaseTransitioned>> sent = new ArrayList<>();

    public TestTransitions(String bootstrap, String caseId, ReportSource source) {
        this.bootstrap = bootstrap;
        this.caseId = caseId;
        this.source = source;
    }

    /** The next step of the case, published at once. */
    public TestTransitions step(String action, CaseState to, String level, String reason) {
        publish(List.of(next(action, to, level, reason, null)));
        return this;
    }

    /** The next step with photos taken with it (a feedback's of the result), published at once. */
    public TestTransitions step(String action, CaseState to, String level, String reason, List<String> photoIds) {
        publish(List.of(next(action, to, level, reason, null, photoIds)));
        return this;
    }

    /** The next step, built but not published: for sending several in one batch. */
    public EventEnvelope<CaseTransitioned> next(String action, CaseState to, String level, String reason,
                                         String description) {
        return next(action, to, level, reason, description, List.of());
    }

    private EventEnvelope<CaseTransitioned> next(String action, CaseState to, String level, String reason,
                                                 String description, List<String> photoIds) {
        sequence++;
        CaseTransitioned t = new CaseTransitioned(caseId, sequence, CaseAction.fromWireName(action).orElseThrow(), state, to, "150105", "赛罕区",
                "150105001001003", EventCategory.HAZARD, source, reported, reported.plusSeconds(7 * 86_400),
                Instant.now(), "h-1", "150105001", level == null ? null : AreaLevel.valueOf(level), 0, reason, to == CaseState.CLOSED ? Instant.now() : null,
                to == CaseState.CLOSED ? Boolean.TRUE : null, null, "BUILDING_SAFETY", "150105001001", "大学东路社区",
                "150105001", "大学东路街道", "HANDLER", null, "大学东路街道办事处", reported.plusSeconds(86_400), null,
                null, description, null, photoIds);
        state = to;
        EventEnvelope<CaseTransitioned> envelope = EventEnvelope.of(Topics.CASE_TRANSITIONED, caseId + "-" + sequence,
                ServiceNames.DISPATCH, t.occurredAt(), caseId, t);
        sent.add(envelope);
        return envelope;
    }

    /** Publishes envelopes keyed by case id, as dispatch's relay does (also again, as after a relay crash). */
    public void publish(List<EventEnvelope<CaseTransitioned>> envelopes) {
        TopicWriter.sendAll(bootstrap, Topics.CASE_TRANSITIONED.name(), envelopes.stream()
                .map(e -> Map.entry(caseId, codec.encode(e))).toList());
    }

    /** Publishes again what was published so far: a relay that crashed before removing its outbox. */
    public void republishAll() {
        publish(List.copyOf(sent));
    }

    /** The opening steps every case has: reported and routed. */
    public TestTransitions opened() {
        return step("report", CaseState.REPORTED, "DISTRICT", null).step("route", CaseState.ROUTED, "STREET", null);
    }
}
