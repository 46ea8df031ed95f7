package io.gridloop.hotline.order;

import io.gridloop.contracts.hotline.EscalationReport;
import io.gridloop.contracts.hotline.WorkOrder;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/**
 * A work order as the bridge keeps it, under the hotline's order number. The citizen's contact details stay
 * here and nowhere else in gridloop.
 *
 * @param order       what the hotline sent, for orders from the hotline
 * @param escalation  what we reported, for orders the hotline opened for one of our cases
 * @param publishedAt when Kafka acknowledged the order for intake; {@code null} until then
 * @param declinedAt  when intake found it could not take the order (no grid holds it…) and it went back to the
 *                    hotline (退单); {@code null} for an order that became a case
 * @param declineReason why, as the hotline was told
 */
@Document(StoredOrder.COLLECTION)
public record StoredOrder(@Id String orderNumber, String caseId, Origin origin, WorkOrder order,
                          EscalationReport escalation, Instant receivedAt, Instant publishedAt, Instant declinedAt,
                          String declineReason) {

    public static final String COLLECTION = "hotline_orders";

    public boolean published() {
        return publishedAt != null;
    }
}
