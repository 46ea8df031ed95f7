package io.gridloop.stats.counting;

import java.util.Arrays;
import java.util.Optional;

/**
 * Every count statistics keep, with the name a Chinese supervisor reads and the cohort that files it under a
 * period. Rates are not measures: they are formulas over measures (see the {@code formula} package), so a city
 * can choose its denominators.
 */
public enum Measure {
    REPORTED("reported", "上报数", Cohort.REPORTED),
    ROUTED("routed", "分流数", Cohort.REPORTED),
    ACCEPTED("accepted", "受理数", Cohort.REPORTED),
    RESPONDED_IN_TIME("respondedInTime", "按时响应数", Cohort.REPORTED),
    CLOSED("closed", "办结数", Cohort.REPORTED),
    CLOSED_ON_TIME("closedOnTime", "按期办结数", Cohort.REPORTED),
    /** Closed while the grid level had it: 小事不出网格. */
    CLOSED_IN_GRID("closedInGrid", "网格内办结数", Cohort.REPORTED),
    REWORKED("rework", "返工数", Cohort.REPORTED),
    RETURNED("returned", "退单数", Cohort.REPORTED),
    ESCALATED("escalated", "上报上级数", Cohort.REPORTED),
    EXTENDED("extended", "延期数", Cohort.REPORTED),
    MERGED("merged", "并单数", Cohort.REPORTED),
    INVALIDATED("invalidated", "作废数", Cohort.REPORTED),
    HANDLING_SECONDS("handlingSeconds", "办结用时合计（秒）", Cohort.REPORTED),
    HOTLINE_ORDERS("hotlineOrders", "12345工单数", Cohort.REPORTED),
    HOTLINE_RESPONDED_IN_TIME("hotlineRespondedInTime", "12345按时响应数", Cohort.REPORTED),
    VISITED("visited", "12345回访数", Cohort.REPORTED),
    RESOLVED("resolved", "回访解决数", Cohort.REPORTED),
    PARTLY_RESOLVED("partlyResolved", "回访部分解决数", Cohort.REPORTED),
    RATED("rated", "回访已评价数", Cohort.REPORTED),
    SATISFIED("satisfied", "满意数", Cohort.REPORTED),
    BASICALLY_SATISFIED("basicallySatisfied", "基本满意数", Cohort.REPORTED),
    UNSATISFIED("unsatisfied", "不满意数", Cohort.REPORTED),
    DUE("due", "应结案数", Cohort.DUE),
    DUE_CLOSED("dueClosed", "结案数", Cohort.DUE),
    DUE_CLOSED_ON_TIME("dueClosedOnTime", "按期结案数", Cohort.DUE),
    DUE_REWORKED("dueRework", "应结案中返工数", Cohort.DUE),
    DUE_EXTENDED("dueExtended", "应结案中延期数", Cohort.DUE),
    DUE_SUSPENDED("dueSuspended", "缓办数", Cohort.DUE),
    OPEN("open", "在办数", Cohort.LIVE),
    OVERDUE_NOW("overdueNow", "超期数", Cohort.LIVE);

    private final String code;
    private final String label;
    private final Cohort cohort;

    Measure(String code, String label, Cohort cohort) {
        this.code = code;
        this.label = label;
        this.cohort = cohort;
    }

    /** The name in JSON, in formulas and in stored documents. */
    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    public Cohort cohort() {
        return cohort;
    }

    public static Optional<Measure> byCode(String code) {
        return Arrays.stream(values()).filter(m -> m.code.equals(code)).findFirst();
    }
}
