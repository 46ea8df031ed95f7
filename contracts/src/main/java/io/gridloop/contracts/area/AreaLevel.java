package io.gridloop.contracts.area;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The five levels acting together (五级联动), from the grid up to the city: the level of an area in the registry, of
 * a handling unit, of the unit handling a case, and of a row of the statistics. "小事不出网格，大事不出县域": a case
 * is escalated one level at a time, and only as far as it must go. On the wire a level is its name ({@code GRID}…).
 */
public enum AreaLevel {
    GRID("网格", 15),
    COMMUNITY("社区（村）", 12),
    STREET("街道（乡镇）", 9),
    DISTRICT("区县", 6),
    CITY("市", 6);

    private final String label;
    private final int codeLength;

    AreaLevel(String label, int codeLength) {
        this.label = label;
        this.codeLength = codeLength;
    }

    public String label() {
        return label;
    }

    /** How many digits an area code of this level has (统计用区划代码: 6 for a district or a city, then 9, 12, 15). */
    int codeLength() {
        return codeLength;
    }

    /** The level above, if any: the city is the top. */
    public Optional<AreaLevel> up() {
        return ordinal() + 1 < values().length ? Optional.of(values()[ordinal() + 1]) : Optional.empty();
    }

    /** Parses {@code district}, {@code DISTRICT}… as people and URLs write it. */
    public static Optional<AreaLevel> parse(String text) {
        return text == null ? Optional.empty()
                : Arrays.stream(values()).filter(l -> l.name().equals(text.toUpperCase(Locale.ROOT))).findFirst();
    }
}
