package io.gridloop.contracts.event;

/** How urgent a report is, as the reporter or the hotline judged it. */
public enum Urgency {
    NORMAL("一般"),
    URGENT("紧急"),
    CRITICAL("特急");

    private final String label;

    Urgency(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
