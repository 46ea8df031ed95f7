package io.gridloop.dispatch.lifecycle;

import java.util.Arrays;
import java.util.Optional;

/**
 * What can happen to a case. {@code route} is also taken by the system when a case opens and a rule routes it; {@code claim} and
 * {@code assign} name the person working the case and change no state; {@code warn} and
 * {@code overdue} are the deadline watch's, and change no state.
 */
public enum CaseAction {
    REPORT("上报", false),
    ROUTE("分流", false),
    CLAIM("签收", false),
    ASSIGN("指派", false),
    REASSIGN("改派", true),
    ACCEPT("受理", false),
    RETURN("退单", true),
    ESCALATE("上报上级", true),
    FEEDBACK("反馈", true),
    CLOSE("复核通过并结案", false),
    REWORK("复核不通过（返工）", true),
    REQUEST_EXTENSION("申请延期", true),
    APPROVE_EXTENSION("批准延期", false),
    REJECT_EXTENSION("驳回延期", true),
    SUSPEND("挂起", true),
    RESUME("恢复办理", false),
    MERGE("并单", false),
    REOPEN("重新办理（群众反映未解决）", true),
    INVALIDATE("作废", true),
    WARN("临期预警", false),
    OVERDUE("超期督办", false),
    VISIT("12345回访", false);

    private final String label;
    private final boolean needsReason;

    CaseAction(String label, boolean needsReason) {
        this.label = label;
        this.needsReason = needsReason;
    }

    /** The name in URLs and events: {@code accept}, {@code request-extension}… */
    public String wireName() {
        return name().toLowerCase().replace('_', '-');
    }

    public String label() {
        return label;
    }

    /**
     * Returns, escalations, reassignments, rework, suspensions, invalidations and extensions must say why; a
     * feedback must say what was done (the result the review checks, the reporter reads and 12345 hears).
     */
    public boolean needsReason() {
        return needsReason;
    }

    /** What a person is told when the text {@link #needsReason} asks for is missing. */
    public String missingReason() {
        return this == FEEDBACK ? "反馈须填写处理结果" : label + "须说明原因";
    }

    /** Whether people ask for it over HTTP; the others come from the system or from the hotline. */
    public boolean manual() {
        return this != REPORT && this != WARN && this != OVERDUE && this != VISIT;
    }

    /** Whether it decides an extension request (批准/驳回延期). */
    public boolean decidesExtension() {
        return this == APPROVE_EXTENSION || this == REJECT_EXTENSION;
    }

    /** What a person gives an action besides its comment: what its form asks for. */
    public enum Input {
        /** the unit to send the case to, from the unit directory */
        UNIT,
        /** working days of an extension, 1 to 10 */
        EXTENSION_DAYS,
        /** the case this one duplicates (并单) */
        MERGE_TARGET,
        /** the person of the unit who is to work the case */
        ASSIGNEE,
        /** photos, e.g. of the result */
        PHOTOS
    }

    public java.util.Set<Input> inputs() {
        return switch (this) {
            case ROUTE, REASSIGN, ESCALATE -> java.util.Set.of(Input.UNIT);
            case REQUEST_EXTENSION -> java.util.Set.of(Input.EXTENSION_DAYS);
            case MERGE -> java.util.Set.of(Input.MERGE_TARGET);
            case ASSIGN -> java.util.Set.of(Input.ASSIGNEE);
            case FEEDBACK -> java.util.Set.of(Input.PHOTOS);
            default -> java.util.Set.of();
        };
    }

    /** Whether it sends the case to a unit: routing (分流), reassignment (改派), escalation (上报). */
    public boolean sendsToUnit() {
        return this == ROUTE || this == REASSIGN || this == ESCALATE;
    }

    public static Optional<CaseAction> fromWireName(String name) {
        return Arrays.stream(values()).filter(a -> a.wireName().equals(name)).findFirst();
    }
}
