package io.gridloop.hotline.order;

/** How a work order and its case came together. */
public enum Origin {
    /** The hotline pushed the order to us (派单). */
    PUSHED("热线推送"),
    /** We pulled the order from the hotline. */
    POLLED("定时拉取"),
    /** We reported a grid case to the hotline, which opened the order for it (上报12345派单). */
    ESCALATED("上报12345");

    private final String label;

    Origin(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Orders that came from the hotline: the ones whose handling we report back step by step. */
    public boolean inbound() {
        return this != ESCALATED;
    }
}
