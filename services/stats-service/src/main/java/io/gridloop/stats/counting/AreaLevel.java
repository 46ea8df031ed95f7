package io.gridloop.stats.counting;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The levels statistics are kept at, from the city down to the grid ("四层四屏、逐级下钻" plus the grid itself).
 * Codes follow the statistical area code: 6 digits for a district (县级), 9 for a street or town, 12 for a
 * community or village, 15 for a grid; the city is the district code's first four digits + {@code 00}.
 */
public enum AreaLevel {
    CITY("市", 6),
    DISTRICT("区县", 6),
    STREET("街道（乡镇）", 9),
    COMMUNITY("社区（村）", 12),
    GRID("网格", 15);

    private final String label;
    private final int codeLength;

    AreaLevel(String label, int codeLength) {
        this.label = label;
        this.codeLength = codeLength;
    }

    public String label() {
        return label;
    }


    /** The level a code is at, by its length; a six-digit code ending in 00 is a city's. */
    public static AreaLevel ofCode(String code) {
        if (code.length() == DISTRICT.codeLength && code.endsWith("00")) {
            return CITY;
        }
        return Arrays.stream(values()).filter(l -> l != CITY && l.codeLength == code.length()).findFirst()
                .orElse(DISTRICT);
    }

    /** Parses {@code district}, {@code DISTRICT}… */
    public static Optional<AreaLevel> parse(String text) {
        return Arrays.stream(values()).filter(l -> l.name().equals(text.toUpperCase(Locale.ROOT))).findFirst();
    }

    /** The city a district belongs to: 150105 (赛罕区) → 150100 (呼和浩特市). */
    public static String cityOf(String districtCode) {
        return districtCode.substring(0, 4) + "00";
    }
}
