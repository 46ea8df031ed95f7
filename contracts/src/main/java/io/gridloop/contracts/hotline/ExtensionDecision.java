package io.gridloop.contracts.hotline;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import java.time.Instant;

/**
 * The hotline's answer to an extension request (延期审核) of one of its orders: the grid platform sent the request
 * as a 延期申请 status sync; the hotline grants it with the new deadline it sets, or refuses it with its reason.
 *
 * @param decisionId      the hotline's id of the answer: the same answer sent again is applied once
 * @param requestSequence the {@code sequence} of the 延期申请 sync this answers
 * @param dueAt           the new deadline (办结时限); required when granted, later than the old one
 * @param reason          the hotline's remark; required when refused
 */
public record ExtensionDecision(
        @NotBlank(message = "不能为空") @Size(max = 64, message = "长度不能超过64") String decisionId,
        @NotNull(message = "不能为空") @Positive(message = "须为正整数") Integer requestSequence,
        @NotNull(message = "不能为空") Boolean approved,
        Instant dueAt,
        @Size(max = 2000, message = "长度不能超过2000字") String reason,
        @NotNull(message = "不能为空") Instant decidedAt) {
}
