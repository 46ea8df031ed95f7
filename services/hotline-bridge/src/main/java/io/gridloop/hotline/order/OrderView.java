package io.gridloop.hotline.order;

import io.gridloop.contracts.hotline.Contact;
import io.gridloop.contracts.hotline.WorkOrder;

import java.time.Instant;
import java.util.List;

/**
 * A work order as operators see it: the citizen's contact details masked; {@code declinedAt} and
 * {@code declineReason} for an order that went back to the hotline (退单) because gridloop could not take it.
 */
public record OrderView(String orderNumber, String caseId, Origin origin, String originLabel, String orderKind,
                        List<String> categoryPath, String requestText, String address, String gridCode,
                        Contact contact, String urgency, Instant dueAt, Instant createdAt, Instant receivedAt,
                        Instant publishedAt, Instant declinedAt, String declineReason) {

    static OrderView of(StoredOrder s) {
        WorkOrder o = s.order();
        if (o == null) {
            return new OrderView(s.orderNumber(), s.caseId(), s.origin(), s.origin().label(), null, null,
                    s.escalation() == null ? null : s.escalation().requestText(), null,
                    s.escalation() == null ? null : s.escalation().gridCode(), null, null,
                    s.escalation() == null ? null : s.escalation().dueAt(), null, s.receivedAt(), s.publishedAt(),
                    s.declinedAt(), s.declineReason());
        }
        return new OrderView(s.orderNumber(), s.caseId(), s.origin(), s.origin().label(), o.orderKind(),
                o.categoryPath(), o.requestText(), o.address(), o.gridCode(),
                o.contact() == null ? null : o.contact().masked(), o.urgency(), o.dueAt(), o.createdAt(),
                s.receivedAt(), s.publishedAt(), s.declinedAt(), s.declineReason());
    }
}
