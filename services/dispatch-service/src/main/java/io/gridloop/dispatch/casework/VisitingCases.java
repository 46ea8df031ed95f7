package io.gridloop.dispatch.casework;

import io.gridloop.dispatch.casestore.CaseFiles;
import io.gridloop.platform.problem.Refusal;
import io.gridloop.contracts.EventEnvelope;
import io.gridloop.contracts.Topics;
import io.gridloop.contracts.event.CaseState;
import io.gridloop.contracts.event.HotlineVisitRecorded;
import io.gridloop.contracts.event.VisitSatisfaction;
import io.gridloop.dispatch.lifecycle.ActionInput;
import io.gridloop.contracts.event.CaseAction;
import io.gridloop.dispatch.lifecycle.CaseFile;
import io.gridloop.dispatch.lifecycle.HotlineVisit;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.util.Objects;
import java.util.Optional;

/**
 * Records the 12345 platform's return visits (回访) on their cases, as a {@code visit} transition that keeps the
 * state — statistics count 解决率 and 满意率 from it. When the citizen is not satisfied (不满意) with a closed case
 * and {@code gridloop.dispatch.reopen-on-unsatisfied} is on (the default), the case is re-opened: back to the unit
 * that closed it, as with a reporter's "not fixed".
 */
@Component
class VisitingCases {

    private static final Logger log = LoggerFactory.getLogger(VisitingCases.class);

    private final CaseWork work;
    private final MeterRegistry meters;
    private final boolean reopenOnUnsatisfied;

    VisitingCases(CaseWork work, MeterRegistry meters,
                  VisitSettings settings) {
        this.work = work;
        this.meters = meters;
        this.reopenOnUnsatisfied = settings.reopenOnUnsatisfied();
    }

    @KafkaListener(topics = Topics.Names.HOTLINE_VISIT_RECORDED)
    void on(EventEnvelope<HotlineVisitRecorded> envelope) {
        HotlineVisitRecorded visit = envelope.data();
        String visitor = visit.visitor() == null || visit.visitor().isBlank() ? "12345" : visit.visitor();
        String said = "12345回访：" + visit.resolution().label() + "，" + visit.satisfaction().label()
                + (visit.comment() == null || visit.comment().isBlank() ? "" : "（" + visit.comment() + "）");
        ActionInput input = new ActionInput(visitor, ActionInput.HOTLINE_ROLE, said, null, null, null, null, null,
                new HotlineVisit(envelope.id(), visit.orderNumber(), visit.resolution(), visit.satisfaction(),
                        visit.visitedAt(), null));
        // A visit delivered again finds itself recorded already and changes nothing.
        CaseFile visited;
        try {
            visited = work.act(visit.caseId(), CaseAction.VISIT, input,
                    c -> c.lastVisit() == null || !c.lastVisit().includes(envelope.id()));
        } catch (Refusal e) {
            if (!CaseFiles.isNotFound(e)) {
                throw e;
            }
            // Not a case of ours (yet): counted and logged, so an operator sees orders the bridge mismatched.
            meters.counter("gridloop.dispatch.visits.unknown.case").increment();
            log.warn("12345 return visit {} for unknown case {} (order {}) ignored", envelope.id(), visit.caseId(),
                    visit.orderNumber());
            return;
        }
        if (visited == null) {
            log.debug("12345 return visit {} of case {} recorded before", envelope.id(), visit.caseId());
        }
        if (reopenOnUnsatisfied && visit.satisfaction() == VisitSatisfaction.UNSATISFIED) {
            reopen(visit, envelope.id(), said);
        }
    }

    /** Re-opens the closure the citizen judged — once, however often the visit is delivered. */
    private void reopen(HotlineVisitRecorded visit, String visitId, String said) {
        CaseFile reopened = work.act(visit.caseId(), CaseAction.REOPEN,
                new ActionInput("12345", ActionInput.HOTLINE_ROLE, said, null, null, null, null, null),
                c -> c.state() == CaseState.CLOSED && c.lastVisit() != null
                        && c.lastVisit().visitId().equals(visitId)
                        && Objects.equals(Optional.ofNullable(c.lastVisit().closedSequence()), c.closingSequence()));
        if (reopened != null) {
            log.info("Case {} re-opened: the citizen is not satisfied at the 12345 return visit", reopened.id());
        }
    }
}
