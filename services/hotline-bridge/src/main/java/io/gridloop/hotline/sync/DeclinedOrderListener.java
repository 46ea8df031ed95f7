package io.gridloop.hotline.sync;

import io.gridloop.contracts.EventEnvelope;
import io.gridloop.contracts.Topics;
import io.gridloop.contracts.event.HotlineOrderDeclined;
import io.gridloop.contracts.hotline.StatusSync;
import io.gridloop.contracts.hotline.SyncStatus;
import io.gridloop.hotline.order.OrderBook;
import io.gridloop.hotline.outbox.Outbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import io.gridloop.platform.config.InstallationSettings;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Gives back to the hotline (退单) the orders intake could not take — no grid of the registry holds them — with
 * the reason, through the outbox like every other status sync, and marks them on the order, so the hotline hears
 * of every order it sent and the bridge's own view says what became of it. Redelivered, it is queued once.
 */
@Component
class DeclinedOrderListener {

    private static final Logger log = LoggerFactory.getLogger(DeclinedOrderListener.class);

    /** The 退单 is the order's first and only step: no case exists to take another. */
    static final int SEQUENCE = 1;

    private final OrderBook book;
    private final Outbox outbox;
    private final String installationArea;

    DeclinedOrderListener(OrderBook book, Outbox outbox,
                          InstallationSettings installation) {
        this.book = book;
        this.outbox = outbox;
        this.installationArea = installation.installationArea();
    }

    @KafkaListener(topics = Topics.Names.HOTLINE_ORDER_DECLINED)
    void on(EventEnvelope<HotlineOrderDeclined> envelope) {
        HotlineOrderDeclined declined = envelope.data();
        book.decline(declined.orderNumber(), declined.caseId(), declined.reason(), declined.declinedAt(),
                installationArea);
        StatusSync returned = new StatusSync(declined.caseId() + "-declined", declined.orderNumber(), SEQUENCE,
                SyncStatus.RETURNED, SyncStatus.RETURNED.label(), "退单", declined.reason(), null, null, null,
                declined.declinedAt());
        if (outbox.enqueue(declined.caseId(), returned, declined.declinedAt())) {
            log.warn("12345 order {} queued to go back to the hotline: {}", declined.orderNumber(),
                    declined.reason());
        }
    }
}
