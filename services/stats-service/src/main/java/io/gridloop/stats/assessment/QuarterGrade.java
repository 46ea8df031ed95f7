package io.gridloop.stats.assessment;

/** A grid's (or community's) grade for a quarter (网格季度考核等次, as 望城区 grades its grids). */
public enum QuarterGrade {
    EXCELLENT("优秀"),
    QUALIFIED("合格"),
    BASICALLY_QUALIFIED("基本合格");

    private final String label;

    QuarterGrade(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
