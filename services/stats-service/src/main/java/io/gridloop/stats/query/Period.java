package io.gridloop.stats.query;

import io.gridloop.stats.counting.CellKey;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A statistics period as people write it: {@code 2026-11-23} (day), {@code 2026-11} (month), {@code 2026-Q3}
 * (quarter) or {@code 2026} (year), in Beijing time.
 *
 * @param text as given, normalised
 * @param kind the granularity
 * @param first the first day
 * @param last  the last day
 */
public record Period(String text, Kind kind, LocalDate first, LocalDate last) {

    public enum Kind {
        DAY("日"), MONTH("月"), QUARTER("季度"), YEAR("年");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");
    private static final String[] QUARTER_NAMES = {"一", "二", "三", "四"};

    public static Optional<Period> parse(String text) {
        String t = text.trim().toUpperCase();
        try {
            if (t.matches("\\d{4}-\\d{2}-\\d{2}")) {
                LocalDate day = LocalDate.parse(t);
                return Optional.of(new Period(t, Kind.DAY, day, day));
            }
            if (t.matches("\\d{4}-\\d{2}")) {
                return Optional.of(month(YearMonth.parse(t)));
            }
            Matcher q = QUARTER.matcher(t);
            if (q.matches()) {
                int year = Integer.parseInt(q.group(1));
                int quarter = Integer.parseInt(q.group(2));
                YearMonth start = YearMonth.of(year, quarter * 3 - 2);
                return Optional.of(new Period(t, Kind.QUARTER, start.atDay(1), start.plusMonths(2).atEndOfMonth()));
            }
            if (t.matches("\\d{4}")) {
                Year year = Year.parse(t);
                return Optional.of(new Period(t, Kind.YEAR, year.atDay(1), year.atMonth(12).atEndOfMonth()));
            }
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    public static Period month(YearMonth month) {
        return new Period(month.toString(), Kind.MONTH, month.atDay(1), month.atEndOfMonth());
    }

    /**
     * The text of the period of {@code kind} that holds today in Beijing: {@code 2026-12-07}, {@code 2026-12},
     * {@code 2026-Q4}, {@code 2026}.
     */
    public static String currentText(Kind kind, Clock clock) {
        LocalDate today = LocalDate.now(clock.withZone(CellKey.ZONE));
        return switch (kind) {
            case DAY -> today.toString();
            case MONTH -> YearMonth.from(today).toString();
            case QUARTER -> today.getYear() + "-Q" + ((today.getMonthValue() - 1) / 3 + 1);
            case YEAR -> String.valueOf(today.getYear());
        };
    }

    public static Period currentMonth(Clock clock) {
        return month(YearMonth.now(clock.withZone(CellKey.ZONE)));
    }

    public static Period currentYear(Clock clock) {
        return parse(String.valueOf(Year.now(clock.withZone(CellKey.ZONE)).getValue())).orElseThrow();
    }

    /** The stored buckets whose sum is this period: one day, or the months it spans. */
    public List<String> buckets() {
        if (kind == Kind.DAY) {
            return List.of(first.toString());
        }
        List<String> months = new ArrayList<>();
        for (YearMonth m = YearMonth.from(first); !m.isAfter(YearMonth.from(last)); m = m.plusMonths(1)) {
            months.add(m.toString());
        }
        return months;
    }

    /** 2026年11月23日, 2026年11月, 2026年第三季度, 2026年. */
    public String label() {
        return switch (kind) {
            case DAY -> first.getYear() + "年" + first.getMonthValue() + "月" + first.getDayOfMonth() + "日";
            case MONTH -> first.getYear() + "年" + first.getMonthValue() + "月";
            case QUARTER -> first.getYear() + "年第" + QUARTER_NAMES[(first.getMonthValue() - 1) / 3] + "季度";
            case YEAR -> first.getYear() + "年";
        };
    }
}
