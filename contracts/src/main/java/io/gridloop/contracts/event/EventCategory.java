package io.gridloop.contracts.event;

/** The four top-level categories grid programmes report under. */
public enum EventCategory {
    LIVELIHOOD("民生事项"),
    HAZARD("问题隐患"),
    DISPUTE("矛盾纠纷"),
    OTHER("其他");

    private final String label;

    EventCategory(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
