package io.gridloop.hotline.order;

import io.gridloop.platform.problem.Refusal;
import io.gridloop.contracts.EventEnvelope;
import io.gridloop.contracts.ServiceNames;
import io.gridloop.contracts.Topics;
import io.gridloop.contracts.event.HotlineOrderReceived;
import io.gridloop.contracts.hotline.OrderReceipt;
import io.gridloop.contracts.hotline.WorkOrder;
import io.gridloop.hotline.HotlineSettings;
import io.gridloop.platform.kafka.EventPublisher;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Taking in a work order: store it under its order number with a new case id, link the case to it, publish
 * {@code grid.hotline.order.received.v1} for intake, and only then say yes. Storing first makes the order number
 * the idempotency key — however often the hotline sends an order, or pushes one we also pull, it becomes one
 * case. If Kafka does not acknowledge, the hotline gets a 503 and sends again; the stored order is published then.
 */
@Service
public class HotlineOrders {

    private static final Logger log = LoggerFactory.getLogger(HotlineOrders.class);

    private final OrderBook book;
    private final EventPublisher publisher;
    private final Clock clock;
    private final MeterRegistry meters;
    private final Duration publishTimeout;

    HotlineOrders(OrderBook book, EventPublisher publisher, Clock clock, MeterRegistry meters,
                  HotlineSettings settings) {
        this.book = book;
        this.publisher = publisher;
        this.clock = clock;
        this.meters = meters;
        this.publishTimeout = settings.publishTimeout();
    }

    public OrderReceipt accept(WorkOrder order, Origin origin) {
        if (order.gridCode() == null && order.location() == null) {
            throw Refusal.invalid("ORDER_NOT_PLACEABLE", "工单无法定位到网格",
                    "工单须带网格编码 (gridCode) 或位置 (location)，否则无法派往网格").with("field", "gridCode");
        }
        if (WorkOrder.ASSISTING.equals(order.orderKind()) && (order.leadUnit() == null || order.leadUnit().isBlank())) {
            throw Refusal.invalid("LEAD_UNIT_MISSING", "协办工单须注明主办单位",
                    "协办工单的办理结果是给主办单位的协办意见，须在 leadUnit 中注明主办单位").with("field", "leadUnit");
        }
        Instant now = clock.instant();
        OrderBook.Stored stored = book.storeIfNew(new StoredOrder(order.orderNumber(), UUID.randomUUID().toString(),
                origin, order, null, now, null, null, null));
        StoredOrder kept = stored.order();
        if (!kept.origin().inbound()) {
            // The hotline dispatched back to us the order it opened for our own escalation: the case exists.
            meters.counter("gridloop.hotline.orders", "outcome", "own-escalation").increment();
            return new OrderReceipt(kept.orderNumber(), kept.caseId(), true);
        }
        book.link(kept.caseId(), kept.orderNumber(), kept.origin());
        boolean duplicate = stored.existed() && kept.published();
        if (!kept.published()) {
            publish(kept);
        }
        meters.counter("gridloop.hotline.orders", "outcome", duplicate ? "duplicate" : "accepted",
                "origin", origin.name()).increment();
        if (duplicate) {
            log.debug("12345 order {} received again; it is case {}", kept.orderNumber(), kept.caseId());
        } else {
            log.info("12345 order accepted as case {}: {}", kept.caseId(), kept.order());
        }
        return new OrderReceipt(kept.orderNumber(), kept.caseId(), duplicate);
    }

    private void publish(StoredOrder stored) {
        WorkOrder o = stored.order();
        HotlineOrderReceived event = new HotlineOrderReceived(o.orderNumber(), stored.caseId(), o.orderKind(),
                o.categoryPath(), o.requestText(), o.address(), o.location(), o.gridCode(),
                o.urgency() == null ? "一般" : o.urgency(), o.dueAt(), stored.receivedAt(), o.leadUnit());
        try {
            // A stable id: an order published twice (after a lost acknowledgement) is one order to intake.
            publisher.publishAndWait(Topics.HOTLINE_ORDER_RECEIVED, EventEnvelope.of(Topics.HOTLINE_ORDER_RECEIVED,
                    "order-" + o.orderNumber(), ServiceNames.HOTLINE_BRIDGE, stored.receivedAt(), o.orderNumber(),
                    event), publishTimeout);
        } catch (EventPublisher.PublishFailedException e) {
            log.warn("12345 order {} stored but not published; answering 503: {}", o.orderNumber(), e.getMessage());
            meters.counter("gridloop.hotline.orders", "outcome", "unavailable", "origin", stored.origin().name())
                    .increment();
            throw e.asProblem("消息服务暂不可用，工单已保存但尚未转入网格平台；请稍后用相同工单编号重发");
        }
        book.markPublished(o.orderNumber(), clock.instant());
    }
}
