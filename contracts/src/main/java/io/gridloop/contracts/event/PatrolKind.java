package io.gridloop.contracts.event;

/**
 * What a grid worker went out to do (巡查走访), by the duties they are assessed on: the grid workers' duties named in
 * assessment rules ("信息采集、安全隐患巡查、政策法规宣传、民生事项服务、矛盾纠纷排查") and the household visit of the
 * 民情日志.
 */
public enum PatrolKind {
    HAZARD_PATROL("安全隐患巡查"),
    HOUSEHOLD_VISIT("入户走访"),
    INFORMATION_COLLECTION("信息采集"),
    POLICY_PUBLICITY("政策法规宣传"),
    LIVELIHOOD_SERVICE("民生事项服务"),
    DISPUTE_SCREENING("矛盾纠纷排查");

    private final String label;

    PatrolKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
