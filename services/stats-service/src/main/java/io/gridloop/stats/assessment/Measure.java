package io.gridloop.stats.assessment;

/**
 * What a grid worker's month is measured by, in the words of the assessment rules the seeds quote (信息采集、安全隐患
 * 巡查、政策法规宣传、民生事项服务、矛盾纠纷排查; 矛盾纠纷、问题隐患报送量; 群众评价满意率) — each a count of the
 * month. A report counts only while valid: not invalidated (作废) and not merged into another's case (并单).
 */
public enum Measure {
    VALID_REPORTS("有效上报", false),
    HAZARD_REPORTS("问题隐患上报", false),
    DISPUTE_REPORTS("矛盾纠纷上报", false),
    SELF_HANDLED_CLOSED("网格内自办结", false),
    CLOSED_ON_TIME("按期办结", false),
    HAZARD_PATROLS("安全隐患巡查", false),
    HOUSEHOLD_VISITS("入户走访", false),
    INFORMATION_COLLECTIONS("信息采集", false),
    POLICY_PUBLICITY("政策法规宣传", false),
    LIVELIHOOD_SERVICES("民生事项服务", false),
    DISPUTE_SCREENINGS("矛盾纠纷排查", false),
    SATISFIED_VISITS("回访满意", false),
    /** 问题被群众先发现: a matter of the worker's grid that a citizen or 12345 reported before any grid worker did. */
    FOUND_FIRST_BY_CITIZENS("问题被群众先发现", true);

    private final String label;
    private final boolean penalty;

    Measure(String label, boolean penalty) {
        this.label = label;
        this.penalty = penalty;
    }

    public String label() {
        return label;
    }

    /** Whether it costs points (扣分项) rather than earns them. */
    public boolean penalty() {
        return penalty;
    }
}
