package io.gridloop.contracts.event;

import java.time.Instant;

/**
 * Data of {@code grid.hotline.extension.decided.v1}: the 12345 platform's answer to a 12345 case's extension
 * request (延期申请). A hotline order's deadline is the hotline's, so the hotline decides — not the grid platform's
 * dispatch centre. Dispatch applies the answer to the case if the request it answers is still pending.
 *
 * @param requestSequence the sequence of the case's {@code request-extension} transition this answers (the hotline
 *                        had it as the 延期申请 sync's {@code sequence}); an answer to an older request changes nothing
 * @param approved        whether the extension is granted
 * @param dueAt           when granted, the new deadline (办结时限) the hotline set; absent when refused
 * @param reason          the hotline's words: required when refused
 * @param decisionId      the hotline's id of the answer, unique: the event id
 */
public record HotlineExtensionDecided(
        String caseId,
        String orderNumber,
        int requestSequence,
        boolean approved,
        Instant dueAt,
        String reason,
        String decisionId,
        Instant decidedAt) {
}
