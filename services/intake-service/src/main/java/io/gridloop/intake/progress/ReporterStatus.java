package io.gridloop.intake.progress;

import io.gridloop.contracts.event.CaseState;

/** Where a report stands, in the words a reporter understands; the dispatch centre's states stay inside. */
public enum ReporterStatus {
    SUBMITTED("已上报"),
    DISPATCHED("已派遣"),
    IN_PROGRESS("处理中"),
    CLOSED("已办结"),
    MERGED("已并入其他事件"),
    INVALID("已作废");

    private final String label;

    ReporterStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static ReporterStatus of(CaseState state) {
        return switch (state) {
            case REPORTED -> SUBMITTED;
            case ROUTED, RETURNED, ESCALATED -> DISPATCHED;
            case ACCEPTED, FEEDBACK_SUBMITTED, REWORK, EXTENSION_REQUESTED, SUSPENDED -> IN_PROGRESS;
            case CLOSED -> CLOSED;
            case MERGED -> MERGED;
            case INVALID -> INVALID;
        };
    }
}
