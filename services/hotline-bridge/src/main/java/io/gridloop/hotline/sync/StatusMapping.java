package io.gridloop.hotline.sync;

import io.gridloop.contracts.event.CaseTransitioned;
import io.gridloop.contracts.area.AreaLevel;
import io.gridloop.contracts.hotline.StatusSync;
import io.gridloop.contracts.hotline.SyncStatus;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

/**
 * Which steps of a hotline case the 12345 platform hears about, and in what words. The platform follows the
 * order, not our internal routing: it hears 签收受理 when a unit accepts, 办理中 when the handling takes a turn
 * (feedback awaiting review, rework, reassignment, escalation, re-opening, an extension decided), 办结反馈 with the
 * handler's result when the case closes, 退单 when we give the order back (作废: not a matter for the grid
 * platform), and 延期申请 when a unit asks for more time. Routing, claiming, warnings and the hotline's own
 * visits are not reported.
 */
public final class StatusMapping {

    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.of("Asia/Shanghai"));

    private StatusMapping() {
    }

    /** The handler's latest feedback: its text and photos, reported as the result when the case closes. */
    public record Result(String text, List<StatusSync.Photo> photos) {

        public Result {
            photos = photos == null ? List.of() : List.copyOf(photos);
        }
    }

    /**
     * @param result    the handler's latest feedback, reported when the case closes (办结反馈)
     * @param assisting whether the order is a 协办 one: the result is then the 协办意见 for the lead unit
     */
    public static Optional<StatusSync> of(CaseTransitioned t, String orderNumber, Result result,
                                          boolean assisting) {
        String lastFeedback = result.text();
        String reason = blankToNull(t.reason());
        String unit = t.handlingUnitName();
        return switch (t.action()) {
            case ACCEPT -> sync(t, orderNumber, SyncStatus.ACCEPTED, "已签收受理" + in(unit), null);
            case FEEDBACK -> sync(t, orderNumber, SyncStatus.IN_PROGRESS,
                    "已处置，待复核" + colon(reason), null);
            case REWORK -> sync(t, orderNumber, SyncStatus.IN_PROGRESS, "复核不通过，重新办理" + colon(reason), null);
            case REASSIGN -> sync(t, orderNumber, SyncStatus.IN_PROGRESS, "改派" + to(unit) + colon(reason), null);
            case RETURN -> sync(t, orderNumber, SyncStatus.IN_PROGRESS, "退回分派中心重新分派" + colon(reason), null);
            case ESCALATE -> sync(t, orderNumber, SyncStatus.IN_PROGRESS,
                    "上报" + levelLabel(t.level()) + "处置" + colon(reason), null);
            case REOPEN -> sync(t, orderNumber, SyncStatus.IN_PROGRESS, "重新办理" + colon(reason), null);
            case APPROVE_EXTENSION -> sync(t, orderNumber, SyncStatus.IN_PROGRESS,
                    "延期已批准，办结时限调整为 " + DAY_TIME.format(t.dueAt()), null);
            case REJECT_EXTENSION -> sync(t, orderNumber, SyncStatus.IN_PROGRESS,
                    "延期未获批准，按原时限办理" + colon(reason), null);
            case CLOSE -> sync(t, orderNumber, SyncStatus.REPLIED, (assisting ? "协办意见：" : "")
                    + (lastFeedback != null && !lastFeedback.isBlank() ? lastFeedback
                            : reason != null ? reason : "已办结"), null, result.photos());
            case INVALIDATE -> sync(t, orderNumber, SyncStatus.RETURNED, "退单", reason);
            case REQUEST_EXTENSION -> sync(t, orderNumber, SyncStatus.EXTENSION_REQUESTED, "申请延期", reason);
            default -> Optional.empty();
        };
    }

    private static Optional<StatusSync> sync(CaseTransitioned t, String orderNumber, SyncStatus status, String text,
                                             String reason) {
        return sync(t, orderNumber, status, text, reason, List.of());
    }

    private static Optional<StatusSync> sync(CaseTransitioned t, String orderNumber, SyncStatus status, String text,
                                             String reason, List<StatusSync.Photo> photos) {
        return Optional.of(new StatusSync(syncId(t), orderNumber, t.sequence(), status, status.label(), text, reason,
                t.handlingUnitName(), t.dueAt(),
                status == SyncStatus.EXTENSION_REQUESTED ? t.extensionWorkingDays() : null, t.occurredAt(), photos));
    }

    /** The same as dispatch's event id of the transition: one sync per step, however often it is delivered. */
    static String syncId(CaseTransitioned t) {
        return t.caseId() + "-" + t.sequence();
    }

    private static String levelLabel(AreaLevel level) {
        return level == null ? "上级" : level.label();
    }

    private static String in(String unit) {
        return unit == null ? "" : "（" + unit + "）";
    }

    private static String to(String unit) {
        return unit == null ? "" : "至" + unit;
    }

    private static String colon(String reason) {
        return reason == null ? "" : "：" + reason;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
