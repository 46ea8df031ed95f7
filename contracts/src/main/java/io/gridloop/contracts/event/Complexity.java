package io.gridloop.contracts.event;

/** How hard a case is to handle: drives the "1-3-5" deadlines. */
public enum Complexity {
    SIMPLE("简单"),
    GENERAL("一般"),
    COMPLEX("复杂");

    private final String label;

    Complexity(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
