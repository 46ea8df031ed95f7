package io.gridloop.contracts.event;

import java.time.Instant;
import java.util.List;

/**
 * Data of {@code grid.hotline.order.received.v1}: a 12345 work order (工单) the bridge took in. The citizen's
 * contact details stay in the bridge; only what handling needs travels.
 *
 * @param orderNumber  the hotline's work-order number, unique per order
 * @param caseId       the id the bridge gave the case this order becomes; intake opens the event under it, so the
 *                     bridge can match the case's transitions to the order without asking anyone
 * @param orderKind    主办 / 协办 / 转办 as sent by the hotline
 * @param categoryPath the hotline's category, most general first (three levels in practice)
 * @param gridCode     the grid, when the hotline knows it; otherwise intake places the order by {@code location}
 * @param urgency      一般 / 紧急 / 特急 as sent by the hotline
 * @param dueAt        the hotline's own deadline for the order (办结时限)
 * @param leadUnit     for a 协办 order, the unit that owns it (主办单位); the case is the grid platform's part
 */
public record HotlineOrderReceived(
        String orderNumber,
        String caseId,
        String orderKind,
        List<String> categoryPath,
        String requestText,
        String address,
        GeoPoint location,
        String gridCode,
        String urgency,
        Instant dueAt,
        Instant receivedAt,
        String leadUnit) {
}
