package io.gridloop.intake;

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
import java.time.temporal.ChronoUnit;

/** Case transitions as dispatch would publish them, for a 井盖 case in grid 150105001001003 of the demo registry. */
public final class CaseEvents {

    public static final String UNIT_NAME = "赛罕区人民西路街道网格化服务管理中心";
    /** The photo every feedback here was taken with, by its id in dispatch's store. */
    public static final String RESULT_PHOTO = "p" + "5e".repeat(32);

    private CaseEvents() {
    }

    public static void publish(String bootstrap, String caseId, int seq, String action, CaseState from,
                               CaseState to, ReportSource source, String reason) {
        publish(bootstrap, caseId, seq, action, from, to, source, reason, null);
    }

    /** @param mergedInto on a merge (并单), the case this one was merged into */
    public static void publish(String bootstrap, String caseId, int seq, String action, CaseState from,
                               CaseState to, ReportSource source, String reason, String mergedInto) {
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        boolean closed = to == CaseState.CLOSED;
        CaseTransitioned t = new CaseTransitioned(caseId, seq, CaseAction.fromWireName(action).orElseThrow(), from, to, "150105", "赛罕区",
                "150105001001003", EventCategory.HAZARD, source, at, at.plusSeconds(259_200), at, "h-1",
                "150105001", AreaLevel.STREET, 0, reason, closed ? at : null, closed ? Boolean.TRUE : null, mergedInto, "MANHOLE",
                "150105001001", null, "150105001", null, "HANDLER", null, UNIT_NAME, at.plusSeconds(86_400), null, null, null, null,
                "feedback".equals(action) ? java.util.List.of(RESULT_PHOTO) : java.util.List.of());
        TopicWriter.send(bootstrap, Topics.CASE_TRANSITIONED.name(), caseId, new EventCodec().encode(
                EventEnvelope.of(Topics.CASE_TRANSITIONED, caseId + "-" + seq, ServiceNames.DISPATCH, at, caseId, t)));
    }
}
