package io.gridloop.hotline.extension;

import io.gridloop.platform.problem.Refusal;
import io.gridloop.contracts.EventEnvelope;
import io.gridloop.contracts.ServiceNames;
import io.gridloop.contracts.Topics;
import io.gridloop.contracts.event.HotlineExtensionDecided;
import io.gridloop.contracts.hotline.DecisionReceipt;
import io.gridloop.contracts.hotline.ExtensionDecision;
import io.gridloop.hotline.order.OrderMessages;
import io.gridloop.hotline.order.StoredOrder;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.time.Clock;

/**
 * Passes the hotline's answers to extension requests (延期审核) on as {@code grid.hotline.extension.decided.v1},
 * keyed by the case: a 12345 order's deadline is the hotline's, so dispatch moves it only on the hotline's word.
 * Each answer is stored under the hotline's decision id first and published once, however often it is sent.
 */
@Service
class ExtensionDecisions {

    private static final Logger log = LoggerFactory.getLogger(ExtensionDecisions.class);

    private final OrderMessages messages;
    private final Clock clock;
    private final MeterRegistry meters;

    ExtensionDecisions(OrderMessages messages, Clock clock, MeterRegistry meters) {
        this.messages = messages;
        this.clock = clock;
        this.meters = meters;
    }

    DecisionReceipt accept(String orderNumber, ExtensionDecision decision) {
        StoredOrder order = messages.order(orderNumber, "延期审核结果");
        if (decision.approved() && decision.dueAt() == null) {
            throw invalid("dueAt", "同意延期时须给出延期后的办结时限");
        }
        if (!decision.approved() && (decision.reason() == null || decision.reason().isBlank())) {
            throw invalid("reason", "不同意延期时须说明理由");
        }
        OrderMessages.Kept<StoredDecision> kept = messages.keep(new StoredDecision(decision.decisionId(),
                orderNumber, order.caseId(), decision, clock.instant(), null), StoredDecision.class, "延期审核",
                "DECISION_ID_IN_USE");
        boolean duplicate = kept.duplicate();
        if (kept.message().publishedAt() == null) {
            publish(kept.message());
        }
        meters.counter("gridloop.hotline.extension.decisions", "outcome", duplicate ? "duplicate" : "accepted",
                "approved", String.valueOf(decision.approved())).increment();
        log.info("12345 extension decision {} for order {} (case {}): {}{}", decision.decisionId(), orderNumber,
                order.caseId(), decision.approved() ? "granted until " + decision.dueAt() : "refused",
                duplicate ? " (again)" : "");
        return new DecisionReceipt(decision.decisionId(), order.caseId(), duplicate);
    }

    private static Refusal invalid(String field, String message) {
        return Refusal.invalid("INVALID_DECISION", "延期审核结果不完整", message)
                .with("field", field);
    }

    private void publish(StoredDecision stored) {
        ExtensionDecision d = stored.decision();
        HotlineExtensionDecided event = new HotlineExtensionDecided(stored.caseId(), stored.orderNumber(),
                d.requestSequence(), d.approved(), d.approved() ? d.dueAt() : null, d.reason(), d.decisionId(),
                d.decidedAt());
        messages.publish(Topics.HOTLINE_EXTENSION_DECIDED, EventEnvelope.of(Topics.HOTLINE_EXTENSION_DECIDED,
                d.decisionId(), ServiceNames.HOTLINE_BRIDGE, d.decidedAt(), stored.caseId(), event), stored,
                StoredDecision.class, "审核结果");
    }
}
