package io.gridloop.contracts.hotline;

import java.time.Instant;

/**
 * A grid case the city level must handle, reported to the 12345 command centre for dispatch (上报12345派单).
 *
 * @param reportId the idempotency key, one per escalation of a case: {@code <caseId>-<transition sequence>}
 * @param category the grid category in Chinese
 * @param reason   why the grid platform cannot solve it (上报理由)
 */
public record EscalationReport(
        String reportId,
        String caseId,
        String districtCode,
        String districtName,
        String gridCode,
        String category,
        String subCategory,
        String requestText,
        String reason,
        Instant dueAt,
        Instant reportedAt) {
}
