package io.gridloop.hotline.sync;

import io.gridloop.contracts.EventEnvelope;
import io.gridloop.contracts.Topics;
import io.gridloop.contracts.event.CaseAction;
import io.gridloop.contracts.event.CaseTransitioned;
import io.gridloop.contracts.area.AreaLevel;
import io.gridloop.contracts.event.ReportSource;
import io.gridloop.contracts.hotline.EscalationReport;
import io.gridloop.contracts.hotline.StatusSync;
import io.gridloop.hotline.HotlineSettings;
import io.gridloop.contracts.hotline.WorkOrder;
import io.gridloop.hotline.order.CaseLink;
import io.gridloop.hotline.order.OrderBook;
import io.gridloop.hotline.order.Origin;
import io.gridloop.hotline.outbox.Outbox;
import io.gridloop.hotline.outbox.OutboxMessage;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.ConsumerSeekAware;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads every case transition and queues what the 12345 platform must hear: status syncs for cases that came
 * from the hotline, an escalation report (上报12345派单) when a grid case is escalated to the city, and then the
 * escalated case's steps as syncs of the order the hotline opened for it — the city closing the case closes the
 * order. A case's transitions arrive in order on one partition, so its messages are queued in order; a transition
 * delivered again is queued once (see {@link Outbox}).
 */
@Component
class TransitionListener implements ConsumerSeekAware {

    private static final Logger log = LoggerFactory.getLogger(TransitionListener.class);

    private final OrderBook book;
    private final Outbox outbox;
    private final MeterRegistry meters;
    private final EscalatedCases escalated;
    private final HotlineSettings settings;

    TransitionListener(OrderBook book, Outbox outbox, MeterRegistry meters,
                       EscalatedCases escalated, HotlineSettings settings) {
        this.settings = settings;
        this.book = book;
        this.outbox = outbox;
        this.meters = meters;
        this.escalated = escalated;
    }

    @Override
    public void onPartitionsAssigned(Map<TopicPartition, Long> assignments, ConsumerSeekCallback callback) {
        escalated.reload();
    }

    @KafkaListener(topics = Topics.Names.CASE_TRANSITIONED)
    void on(EventEnvelope<CaseTransitioned> envelope) {
        CaseTransitioned t = envelope.data();
        if (t.source() == ReportSource.HOTLINE_12345) {
            sync(t);
        } else if (t.action() == CaseAction.ESCALATE && t.level() == AreaLevel.CITY) {
            escalate(t);
        } else if (escalated.after(t.caseId(), t.sequence())) {
            sync(t);
        }
    }

    /**
     * Queues the step for the case's order. An escalated case's order number may not be known yet (the hotline
     * has not answered the escalation): its syncs go without one, and the relay, which delivers a case's messages
     * in order, sends them after the escalation with the number the hotline gave.
     */
    private void sync(CaseTransitioned t) {
        Optional<CaseLink> link = book.linkOf(t.caseId());
        if (link.isEmpty()) {
            // A 12345 case that did not come through this bridge (e.g. typed in by hand): no order to report to.
            meters.counter("gridloop.hotline.transitions.unmatched").increment();
            log.debug("No 12345 order for case {}; transition {} not synced", t.caseId(), t.sequence());
            return;
        }
        if (link.get().areaCode() == null) {
            book.placeCase(t.caseId(), areaOf(t));
        }
        String feedback = link.get().lastFeedback();
        List<String> photos = link.get().lastFeedbackPhotos();
        if (t.action() == CaseAction.FEEDBACK) {
            feedback = t.reason();
            photos = t.photoIds();
            book.rememberFeedback(t.caseId(), feedback, photos);
        }
        String orderNumber = link.get().origin() == Origin.ESCALATED ? null : link.get().orderNumber();
        // Only a reply needs to know whether the order is ours or one we assist (协办): one read, at closing.
        boolean assisting = t.action() == CaseAction.CLOSE && orderNumber != null && book.order(orderNumber)
                .map(o -> o.order() != null && WorkOrder.ASSISTING.equals(o.order().orderKind())).orElse(false);
        StatusMapping.of(t, orderNumber, new StatusMapping.Result(feedback, photos.stream()
                .map(id -> new StatusSync.Photo(id, settings.photoUrl(id))).toList()), assisting).ifPresent(sync -> {
            if (outbox.enqueue(t.caseId(), sync, t.occurredAt())) {
                log.debug("Queued {} for 12345 order {} (case {} step {})", sync.statusLabel(), sync.orderNumber(),
                        t.caseId(), t.sequence());
            }
        });
    }

    private static String areaOf(CaseTransitioned t) {
        return t.gridCode() != null ? t.gridCode() : t.districtCode();
    }

    private void escalate(CaseTransitioned t) {
        book.escalated(t.caseId(), t.sequence());
        escalated.add(t.caseId(), t.sequence());
        book.placeCase(t.caseId(), areaOf(t));
        EscalationReport report = new EscalationReport(t.caseId() + "-" + t.sequence(), t.caseId(), t.districtCode(),
                t.districtName(), t.gridCode(), t.category().label(), t.subCategory(),
                t.description() == null || t.description().isBlank() ? "（无描述）" : t.description(),
                t.reason() == null || t.reason().isBlank() ? "网格平台无法解决，上报市级" : t.reason(), t.dueAt(),
                t.occurredAt());
        if (outbox.enqueue(t.caseId(), t.sequence(), report, t.occurredAt())) {
            log.info("Case {} escalated to the city: queued for 12345 ({})", t.caseId(),
                    OutboxMessage.idOf(t.caseId(), t.sequence()));
        }
    }
}
