package io.gridloop.hotline.sync;

import io.gridloop.hotline.order.OrderBook;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The grid cases escalated to the city (上报12345派单), in memory: every transition of every case passes the bridge,
 * and only these few need their order looked up. Read from the order book when partitions are assigned — a case
 * escalated by an instance that since lost its partition is known to the one that took it over — and added to as
 * escalations pass.
 */
@Component
class EscalatedCases {

    private final OrderBook book;
    private final Map<String, Integer> escalatedAt = new ConcurrentHashMap<>();

    EscalatedCases(OrderBook book) {
        this.book = book;
    }

    void reload() {
        book.escalatedCases().forEach((caseId, sequence) -> escalatedAt.merge(caseId, sequence, Math::max));
    }

    void add(String caseId, int sequence) {
        escalatedAt.merge(caseId, sequence, Math::max);
    }

    /** Whether a transition at {@code sequence} came after the case's escalation to the city. */
    boolean after(String caseId, int sequence) {
        Integer at = escalatedAt.get(caseId);
        return at != null && sequence > at;
    }
}
