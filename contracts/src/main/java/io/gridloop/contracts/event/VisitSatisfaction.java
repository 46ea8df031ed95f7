package io.gridloop.contracts.event;

/** How satisfied the citizen is at the 12345 return visit (回访评价). */
public enum VisitSatisfaction {
    SATISFIED("满意"),
    BASICALLY_SATISFIED("基本满意"),
    UNSATISFIED("不满意"),
    NOT_RATED("未评价");

    private final String label;

    VisitSatisfaction(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
