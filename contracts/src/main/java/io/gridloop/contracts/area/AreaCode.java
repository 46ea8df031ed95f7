package io.gridloop.contracts.area;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An area's code (区划代码) and the arithmetic on it, in one place: the code of an area begins with the code of every
 * area it lies in — district 6 digits, street or town 9, community or village 12, grid 15 — and a city's code is its
 * districts' first four digits + {@code 00} (150105 赛罕区 lies in 150100 呼和浩特市).
 */
public record AreaCode(String value) {

    /** An area code's shape, for validation annotations: 6, 9, 12 or 15 digits. */
    public static final String SHAPE = "\\d{6}(\\d{3}){0,3}";

    private static final Pattern SHAPE_PATTERN = Pattern.compile(SHAPE);

    public AreaCode {
        if (value == null || !SHAPE_PATTERN.matcher(value).matches()) {
            throw new IllegalArgumentException("not an area code: " + value);
        }
    }

    public static AreaCode of(String value) {
        return new AreaCode(value);
    }

    /** The area code {@code text} is, if it has the shape of one: read once, where it may be something else. */
    public static Optional<AreaCode> parse(String text) {
        return looksLike(text) ? Optional.of(new AreaCode(text)) : Optional.empty();
    }

    /** Whether {@code text} has the shape of an area code (6, 9, 12 or 15 digits). */
    public static boolean looksLike(String text) {
        return text != null && SHAPE_PATTERN.matcher(text).matches();
    }

    public AreaLevel level() {
        return switch (value.length()) {
            case 15 -> AreaLevel.GRID;
            case 12 -> AreaLevel.COMMUNITY;
            case 9 -> AreaLevel.STREET;
            default -> value.endsWith("00") ? AreaLevel.CITY : AreaLevel.DISTRICT;
        };
    }

    /** The city the area lies in (or is): 150105001 → 150100. */
    public AreaCode city() {
        return new AreaCode(value.substring(0, 4) + "00");
    }

    /** The district (区县) the area lies in or is; a city lies in none. */
    public Optional<AreaCode> district() {
        return level() == AreaLevel.CITY ? Optional.empty() : Optional.of(at(AreaLevel.DISTRICT));
    }

    /** The area of {@code level} this one lies in (or is): the grid 150105001001003 at STREET is 150105001. */
    public AreaCode at(AreaLevel level) {
        if (level.compareTo(level()) < 0) {
            throw new IllegalArgumentException(value + " is a " + level() + " code, not inside a " + level);
        }
        return level == AreaLevel.CITY ? city() : new AreaCode(value.substring(0, level.codeLength()));
    }

    /** The area one level up; a city has none. */
    public Optional<AreaCode> parent() {
        return level().up().map(this::at);
    }

    /** Whether the area is a district or lies inside one, rather than being a city. */
    public boolean withinDistrict() {
        return level() != AreaLevel.CITY;
    }

    /** Whether {@code other} is this area or lies inside it. */
    public boolean contains(AreaCode other) {
        return level() == AreaLevel.CITY ? other.city().equals(this) : other.value.startsWith(value);
    }

    /**
     * What the codes of the areas inside this one (and its own) begin with: the code itself, or a city's first four
     * digits — for prefix queries.
     */
    public String prefix() {
        return level() == AreaLevel.CITY ? value.substring(0, 4) : value;
    }

    /**
     * Whether a community-level (or grid) code names an urban community (社区居委会) under a street (街道), by the
     * national statistical division codes: the street or town part 001–099 is a 街道 (100–199 a 镇, 200–399 a 乡),
     * the community part 001–199 a 居民委员会 (200–399 a 村民委员会). What 望城区 rewards at the city rate.
     */
    public boolean urbanCommunity() {
        if (value.length() < 12) {
            return false;
        }
        int street = Integer.parseInt(value.substring(6, 9));
        int community = Integer.parseInt(value.substring(9, 12));
        return street >= 1 && street <= 99 && community >= 1 && community <= 199;
    }

    /**
     * What a street-level (or lower) code's street part is, by the national statistical division codes: 001–099 a
     * 街道, 100–199 a 镇, 200–399 a 乡; empty above the street level.
     */
    public String streetKind() {
        if (value.length() < 9) {
            return "";
        }
        int street = Integer.parseInt(value.substring(6, 9));
        return street < 100 ? "街道" : street < 200 ? "镇" : "乡";
    }

    @Override
    public String toString() {
        return value;
    }
}
