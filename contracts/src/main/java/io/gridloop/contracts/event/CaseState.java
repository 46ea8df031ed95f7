package io.gridloop.contracts.event;

/**
 * The states of a case in the closed loop 上报 → 分流 → 处理 → 反馈 → 结案 as they appear on the wire.
 * Consumers must tolerate states they do not know yet: dispatch adds branches (rework, escalation…) over time.
 */
public enum CaseState {
    REPORTED("已上报"),
    ROUTED("已分流"),
    ACCEPTED("处理中"),
    FEEDBACK_SUBMITTED("已反馈待复核"),
    REWORK("返工"),
    RETURNED("已退单"),
    ESCALATED("已上报上级"),
    EXTENSION_REQUESTED("延期申请中"),
    SUSPENDED("已挂起"),
    CLOSED("已结案"),
    MERGED("已并单"),
    INVALID("已作废");

    private final String label;

    CaseState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Closed, merged into another case, or invalidated: nothing more happens to it. */
    public boolean isFinal() {
        return this == CLOSED || this == MERGED || this == INVALID;
    }
}
