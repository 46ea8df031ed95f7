package io.gridloop.contracts.event;

import java.util.Optional;

/**
 * The five levels acting together (五级联动). "小事不出网格，大事不出县域": a case is escalated one level at a time,
 * and only as far as it must go.
 */
public enum HandlingLevel {
    GRID("网格"),
    COMMUNITY("社区（村）"),
    STREET("街道（乡镇）"),
    DISTRICT("区县"),
    CITY("市");

    private final String label;

    HandlingLevel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The level above, if any: the city is the top. */
    public Optional<HandlingLevel> up() {
        return ordinal() + 1 < values().length ? Optional.of(values()[ordinal() + 1]) : Optional.empty();
    }
}
