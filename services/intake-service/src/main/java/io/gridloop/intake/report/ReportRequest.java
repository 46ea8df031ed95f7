package io.gridloop.intake.report;

import io.gridloop.contracts.event.EventCategory;
import io.gridloop.contracts.event.ReportSource;
import io.gridloop.contracts.event.Urgency;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.Instant;

/**
 * What a reporting app sends to {@code POST /api/v1/events}.
 *
 * @param subCategory a code of the sub-category catalogue; required except for 12345 orders, whose category
 *                    path may map to none (such cases are triaged by hand)
 * @param urgency     一般 / 紧急 / 特急; absent: 一般
 * @param dueAt       only for 12345 orders: the hotline's own deadline
 */
public record ReportRequest(
        @NotBlank(message = "不能为空") @Size(max = 64, message = "长度不能超过64") String clientEventId,
        @NotNull(message = "不能为空") ReportSource source,
        @NotNull(message = "不能为空") EventCategory category,
        @Size(max = 40, message = "长度不能超过40") String subCategory,
        Urgency urgency,
        @NotBlank(message = "不能为空") @Pattern(regexp = "\\d{15}", message = "网格编码必须是15位数字") String gridCode,
        @NotBlank(message = "不能为空") @Size(max = 4000, message = "长度不能超过4000字") String description,
        @Valid Location location,
        @NotNull(message = "不能为空") Instant occurredAt,
        @NotBlank(message = "不能为空") @Size(max = 64, message = "长度不能超过64") String reporterId,
        Instant dueAt) {

    /** WGS-84 decimal degrees. */
    public record Location(
            @NotNull(message = "不能为空") @DecimalMin(value = "-90", message = "纬度超出范围")
            @DecimalMax(value = "90", message = "纬度超出范围") Double latitude,
            @NotNull(message = "不能为空") @DecimalMin(value = "-180", message = "经度超出范围")
            @DecimalMax(value = "180", message = "经度超出范围") Double longitude) {
    }
}
