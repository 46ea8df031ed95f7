package io.gridloop.contracts.event;

/**
 * Where a report came from. Every source feeds the same closed loop. The source is not the reporter's to choose:
 * it follows from who reports (intake's {@code ReportSources}) — a grid worker's report is a patrol report, a
 * channel's is the channel's own, a dispatch centre takes calls and visits, and 12345 orders and Open311 requests
 * come only through their own interfaces.
 */
public enum ReportSource {
    GRID_PATROL("网格员巡查"),
    CITIZEN_PHOTO("随手拍"),
    RESIDENT_PLATFORM("居民微平台"),
    AI_CAMERA("AI智能网格员"),
    HOTLINE_12345("12345热线"),
    OPEN311("Open311"),
    /** 来电: a resident phoned the dispatch centre, which recorded the report. */
    PHONE_CALL("来电"),
    /** 来访: a resident came to the centre in person. */
    WALK_IN("来访");

    private final String label;

    ReportSource(String label) {
        this.label = label;
    }

    /** The Chinese name shown to people. */
    public String label() {
        return label;
    }
}
