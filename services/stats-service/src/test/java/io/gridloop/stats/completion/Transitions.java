package io.gridloop.stats.completion;

import io.gridloop.contracts.EventEnvelope;
import io.gridloop.contracts.ServiceNames;
import io.gridloop.contracts.Topics;
import io.gridloop.contracts.event.CaseState;
import io.gridloop.contracts.event.CaseTransitioned;
import io.gridloop.contracts.event.EventCategory;
import io.gridloop.contracts.event.ReportSource;

import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

/** Transition envelopes as dispatch publishes them. */
final class Transitions {

    static final Instant T0 = Instant.parse("2026-03-02T01:30:00Z");

    /** A district code no other test uses, so tests sharing one database stay apart. */
    static String freshDistrict() {
        return "9" + ThreadLocalRandom.current().nextInt(10_000, 100_000);
    }

    static EventEnvelope<CaseTransitioned> transition(String caseId, String district, int seq, CaseState from,
                                                      CaseState to) {
        CaseTransitioned t = new CaseTransitioned(caseId, seq, "x", from, to, district, "测试区" + district,
                district + "001001001", EventCategory.LIVELIHOOD, ReportSource.GRID_PATROL, T0,
                T0.plusSeconds(259_200), T0.plusSeconds(seq), "system", district, "DISTRICT", 0, null,
                to == CaseState.CLOSED ? T0.plusSeconds(seq) : null, to == CaseState.CLOSED ? Boolean.TRUE : null, null,
                "STREETLIGHT", district + "001001", null, district + "001", null, "SYSTEM", null, null);
        return EventEnvelope.of(Topics.CASE_TRANSITIONED, caseId + "-" + seq, ServiceNames.DISPATCH,
                T0.plusSeconds(seq), caseId, t);
    }

    static EventEnvelope<CaseTransitioned> reported(String caseId, String district) {
        return transition(caseId, district, 1, null, CaseState.REPORTED);
    }

    static EventEnvelope<CaseTransitioned> closed(String caseId, String district) {
        return transition(caseId, district, 5, CaseState.FEEDBACK_SUBMITTED, CaseState.CLOSED);
    }

    private Transitions() {
    }
}
