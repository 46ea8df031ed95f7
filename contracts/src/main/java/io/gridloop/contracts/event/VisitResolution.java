package io.gridloop.contracts.event;

/** What the citizen says at the 12345 return visit (回访) about the matter itself. */
public enum VisitResolution {
    RESOLVED("解决"),
    PARTLY_RESOLVED("部分解决"),
    UNRESOLVED("未解决");

    private final String label;

    VisitResolution(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
