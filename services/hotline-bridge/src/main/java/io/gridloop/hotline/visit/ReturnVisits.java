package io.gridloop.hotline.visit;

import io.gridloop.contracts.EventEnvelope;
import io.gridloop.contracts.ServiceNames;
import io.gridloop.contracts.Topics;
import io.gridloop.contracts.event.HotlineVisitRecorded;
import io.gridloop.contracts.hotline.ReturnVisit;
import io.gridloop.contracts.hotline.VisitReceipt;
import io.gridloop.hotline.order.OrderMessages;
import io.gridloop.hotline.order.StoredOrder;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.time.Clock;

/**
 * Passes the hotline's return visits (回访) on as {@code grid.hotline.visit.recorded.v1}, keyed by the case: dispatch
 * records each on the case (and may re-open it when the citizen is not satisfied), statistics count 解决率 and
 * 满意率 from there. Visits may arrive in any order and more than once; each visit id is published once.
 */
@Service
class ReturnVisits {

    private static final Logger log = LoggerFactory.getLogger(ReturnVisits.class);

    private final OrderMessages messages;
    private final Clock clock;
    private final MeterRegistry meters;

    ReturnVisits(OrderMessages messages, Clock clock, MeterRegistry meters) {
        this.messages = messages;
        this.clock = clock;
        this.meters = meters;
    }

    VisitReceipt accept(String orderNumber, ReturnVisit visit) {
        StoredOrder order = messages.order(orderNumber, "回访");
        OrderMessages.Kept<StoredVisit> kept = messages.keep(new StoredVisit(visit.visitId(), orderNumber,
                order.caseId(), visit, clock.instant(), null), StoredVisit.class, "回访", "VISIT_ID_IN_USE");
        boolean duplicate = kept.duplicate();
        if (kept.message().publishedAt() == null) {
            publish(kept.message());
        }
        meters.counter("gridloop.hotline.visits", "outcome", duplicate ? "duplicate" : "accepted",
                "satisfaction", visit.satisfaction().name()).increment();
        log.info("12345 return visit {} for order {} (case {}): {}，{}{}", visit.visitId(), orderNumber,
                order.caseId(), visit.resolution().label(), visit.satisfaction().label(), duplicate ? " (again)" : "");
        return new VisitReceipt(visit.visitId(), order.caseId(), duplicate);
    }

    private void publish(StoredVisit stored) {
        ReturnVisit v = stored.visit();
        HotlineVisitRecorded event = new HotlineVisitRecorded(stored.caseId(), stored.orderNumber(), v.resolution(),
                v.satisfaction(), v.comment(), v.visitor(), v.visitedAt());
        // The visit id is the event id: dispatch records each visit once by it.
        messages.publish(Topics.HOTLINE_VISIT_RECORDED, EventEnvelope.of(Topics.HOTLINE_VISIT_RECORDED, v.visitId(),
                ServiceNames.HOTLINE_BRIDGE, v.visitedAt(), stored.caseId(), event), stored, StoredVisit.class, "回访");
    }
}
