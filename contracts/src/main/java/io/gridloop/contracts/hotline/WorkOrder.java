package io.gridloop.contracts.hotline;

import io.gridloop.contracts.event.GeoPoint;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.List;

/**
 * A 12345 work order (工单) as the hotline dispatches it to the grid platform.
 *
 * @param orderKind    主办 (the grid platform owns the order) / 协办 (it assists {@code leadUnit}, which owns it) /
 *                     转办 (passed on by another unit: taken only if it is a grid matter, else given back)
 * @param categoryPath the hotline's category, most general first (三级分类)
 * @param requestText  诉求内容
 * @param gridCode     the grid, when the hotline knows it; otherwise {@code location} places the order
 * @param contact      the citizen; personal data that stays in the bridge
 * @param urgency      一般 / 紧急 / 特急; absent: 一般
 * @param dueAt        办结时限, the hotline's deadline
 * @param createdAt    when the hotline registered the order (受理时间)
 * @param leadUnit     for 协办, the unit that owns the order (主办单位), whom the grid platform's result serves
 */
public record WorkOrder(
        @NotBlank(message = "不能为空") @Pattern(regexp = "[A-Za-z0-9-]{4,40}", message = "工单编号格式不正确")
        String orderNumber,
        @NotBlank(message = "不能为空") @Pattern(regexp = "主办|协办|转办", message = "只能是主办、协办或转办")
        String orderKind,
        @NotEmpty(message = "不能为空") @Size(max = 3, message = "最多三级")
        List<@NotBlank(message = "不能为空") @Size(max = 40, message = "长度不能超过40") String> categoryPath,
        @NotBlank(message = "不能为空") @Size(max = 4000, message = "长度不能超过4000字") String requestText,
        @Size(max = 200, message = "长度不能超过200") String address,
        @Valid GeoPoint location,
        @Pattern(regexp = "\\d{15}", message = "网格编码必须是15位数字") String gridCode,
        @Valid Contact contact,
        @Pattern(regexp = "一般|紧急|特急", message = "只能是一般、紧急或特急") String urgency,
        @NotNull(message = "不能为空") Instant dueAt,
        @NotNull(message = "不能为空") Instant createdAt,
        @Size(max = 100, message = "长度不能超过100") String leadUnit) {

    /** 协办: the grid platform assists the order's lead unit. */
    public static final String ASSISTING = "协办";
    /** 转办: passed on by another unit. */
    public static final String TRANSFERRED = "转办";

    public WorkOrder {
        categoryPath = categoryPath == null ? null : List.copyOf(categoryPath);
    }

    /** For logs: everything but the citizen's contact details, which {@link Contact#toString()} masks. */
    @Override
    public String toString() {
        return "WorkOrder[" + orderNumber + " " + orderKind + " " + categoryPath + " grid=" + gridCode
                + " due=" + dueAt + " contact=" + contact + "]";
    }
}
