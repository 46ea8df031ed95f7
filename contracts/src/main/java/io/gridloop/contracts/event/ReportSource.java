package io.gridloop.contracts.event;

/** Where a report came from. Every source feeds the same closed loop. */
public enum ReportSource {
    GRID_PATROL("网格员巡查"),
    CITIZEN_PHOTO("随手拍"),
    RESIDENT_PLATFORM("居民微平台"),
    AI_CAMERA("AI智能网格员"),
    HOTLINE_12345("12345热线"),
    OPEN311("Open311");

    private final String label;

    ReportSource(String label) {
        this.label = label;
    }

    /** The Chinese name shown to people. */
    public String label() {
        return label;
    }
}
