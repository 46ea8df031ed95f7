package io.gridloop.contracts.hotline;

import io.gridloop.contracts.event.VisitResolution;
import io.gridloop.contracts.event.VisitSatisfaction;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.Instant;

/** The hotline's return visit (回访) to the citizen of an order: 解决/部分解决/未解决 and 满意/基本满意/不满意/未评价. */
public record ReturnVisit(
        @NotBlank(message = "不能为空") @Size(max = 64, message = "长度不能超过64") String visitId,
        @NotNull(message = "不能为空") VisitResolution resolution,
        @NotNull(message = "不能为空") VisitSatisfaction satisfaction,
        @Size(max = 2000, message = "长度不能超过2000字") String comment,
        @Size(max = 64, message = "长度不能超过64") String visitor,
        @NotNull(message = "不能为空") Instant visitedAt) {
}
