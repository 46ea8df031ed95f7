package io.gridloop.contracts.event;

/**
 * The states of a case in the closed loop 上报 → 分流 → 处理 → 反馈 → 结案 as they appear on the wire.
 * Consumers must tolerate states they do not know yet: dispatch adds branches (rework, escalation…) over time.
 */
public enum CaseState {
    REPORTED("已上报"),
    ROUTED("已分流"),
    ACCEPTED("处理中"),
    FEEDBACK_SUBMITTED("已反馈"),
    CLOSED("已结案");

    private final String label;

    CaseState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
