package io.gridloop.dispatch.lifecycle;

import java.util.Arrays;
import java.util.Optional;

/** What can happen to a case. {@code manual} actions are taken by people through the API. */
public enum CaseAction {
    REPORT("上报", false),
    ROUTE("分流", false),
    ACCEPT("受理", true),
    FEEDBACK("反馈", true),
    CLOSE("结案", true);

    private final String label;
    private final boolean manual;

    CaseAction(String label, boolean manual) {
        this.label = label;
        this.manual = manual;
    }

    /** The name in URLs and events: {@code accept}, {@code close}… */
    public String wireName() {
        return name().toLowerCase();
    }

    public String label() {
        return label;
    }

    public boolean manual() {
        return manual;
    }

    public static Optional<CaseAction> fromWireName(String name) {
        return Arrays.stream(values()).filter(a -> a.wireName().equals(name)).findFirst();
    }
}
