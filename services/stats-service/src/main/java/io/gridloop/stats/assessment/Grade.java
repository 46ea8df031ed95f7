package io.gridloop.stats.assessment;

/** A month's grade of a grid worker (月度考核等次). */
public enum Grade {
    EXCELLENT("优秀"),
    QUALIFIED("合格"),
    UNQUALIFIED("不合格");

    private final String label;

    Grade(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
