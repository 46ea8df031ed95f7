package io.gridloop.contracts.event;

import java.time.Instant;

/**
 * Data of {@code grid.hotline.order.declined.v1}: a 12345 work order the bridge accepted (202) that intake could
 * not turn into a case — it lies in no grid of the registry, or its content is not a report gridloop can take. The
 * bridge gives the order back to the hotline (退单) with {@code reason}, so nothing the hotline sent is silently
 * parked.
 *
 * @param caseId the case id the bridge chose for the order, which no case will ever have
 * @param reason why, in words the hotline's operators read (Chinese)
 */
public record HotlineOrderDeclined(String caseId, String orderNumber, String reason, Instant declinedAt) {
}
