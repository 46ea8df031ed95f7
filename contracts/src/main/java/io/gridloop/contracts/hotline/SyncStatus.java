package io.gridloop.contracts.hotline;

/** The steps of an order's handling the grid platform reports back to the hotline. */
public enum SyncStatus {
    ACCEPTED("签收受理"),
    IN_PROGRESS("办理中"),
    REPLIED("办结反馈"),
    RETURNED("退单"),
    EXTENSION_REQUESTED("延期申请");

    private final String label;

    SyncStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
