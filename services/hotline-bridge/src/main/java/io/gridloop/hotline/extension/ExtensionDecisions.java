package io.gridloop.hotline.extension;

import io.gridloop.contracts.EventEnvelope;
import io.gridloop.contracts.ServiceNames;
import io.gridloop.contracts.Topics;
import io.gridloop.contracts.event.HotlineExtensionDecided;
import io.gridloop.contracts.hotline.DecisionReceipt;
import io.gridloop.contracts.hotline.ExtensionDecision;
import io.gridloop.hotline.HotlineSettings;
import io.gridloop.hotline.order.OrderBook;
import io.gridloop.hotline.order.OrderMessages;
import io.gridloop.hotline.order.StoredOrder;
import io.gridloop.platform.kafka.EventPublisher;
import io.gridloop.platform.web.ApiException;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
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

    private final OrderBook book;
    private final OrderMessages messages;
    private final EventPublisher publisher;
    private final Clock clock;
    private final MeterRegistry meters;
    private final HotlineSettings settings;

    ExtensionDecisions(OrderBook book, OrderMessages messages, EventPublisher publisher, Clock clock,
                       MeterRegistry meters, HotlineSettings settings) {
        this.book = book;
        this.messages = messages;
        this.publisher = publisher;
        this.clock = clock;
        this.meters = meters;
        this.settings = settings;
    }

    DecisionReceipt accept(String orderNumber, ExtensionDecision decision) {
        StoredOrder order = book.order(orderNumber).orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND,
                "UNKNOWN_ORDER", "工单不存在", "没有编号为 " + orderNumber + " 的工单，无法登记延期审核结果"));
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

    private static ApiException invalid(String field, String message) {
        return new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "INVALID_DECISION", "延期审核结果不完整", message)
                .with("field", field);
    }

    private void publish(StoredDecision stored) {
        ExtensionDecision d = stored.decision();
        HotlineExtensionDecided event = new HotlineExtensionDecided(stored.caseId(), stored.orderNumber(),
                d.requestSequence(), d.approved(), d.approved() ? d.dueAt() : null, d.reason(), d.decisionId(),
                d.decidedAt());
        try {
            publisher.publishAndWait(Topics.HOTLINE_EXTENSION_DECIDED, EventEnvelope.of(
                    Topics.HOTLINE_EXTENSION_DECIDED, d.decisionId(), ServiceNames.HOTLINE_BRIDGE, d.decidedAt(),
                    stored.caseId(), event), settings.publishTimeout());
        } catch (EventPublisher.PublishFailedException e) {
            log.warn("12345 extension decision {} stored but not published; answering 503: {}", d.decisionId(),
                    e.getMessage());
            throw e.asProblem("消息服务暂不可用，审核结果已保存但尚未转入网格平台；请稍后用相同审核编号重发");
        }
        messages.published(stored, StoredDecision.class);
    }
}
