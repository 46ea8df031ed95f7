package io.gridloop.dispatch.lifecycle;

import io.gridloop.dispatch.deadline.HolidayCalendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;

/**
 * The shape of a case number (案件编号) as people quote it: the Beijing date of the report, the district's six-digit
 * code and the district's sequence of that day — {@code 2026120615010500123} is the 123rd case reported in 赛罕区
 * (150105) on 6 December 2026. Handing numbers out is {@code CaseNumbers}' job; this is only how one reads.
 */
public final class CaseNumber {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");
    private static final int DAY_DIGITS = 8;
    private static final int PREFIX_DIGITS = DAY_DIGITS + 6;
    /** Date, six-digit district code, a sequence of at least five digits. */
    private static final Pattern NUMBER = Pattern.compile("\\d{8}\\d{6}\\d{5,}");

    private CaseNumber() {
    }

    /** What every number of {@code district} on {@code day} begins with (its day's counter is named by it). */
    public static String prefix(String district, LocalDate day) {
        return dayText(day) + district;
    }

    /** A day as numbers write it: {@code 20261206}. */
    public static String dayText(LocalDate day) {
        return DAY.format(day);
    }

    /** The Beijing day {@code at} falls on. */
    public static LocalDate dayOf(Instant at) {
        return at.atZone(HolidayCalendar.CHINA).toLocalDate();
    }

    /** Number {@code sequence} of {@code district} on {@code day}. */
    public static String of(String district, LocalDate day, long sequence) {
        return prefix(district, day) + "%05d".formatted(sequence);
    }

    /** Whether {@code text} has the shape of a case number. */
    public static boolean looksLike(String text) {
        return text != null && NUMBER.matcher(text).matches();
    }

    /** The district of a number. */
    public static String districtOf(String number) {
        return number.substring(DAY_DIGITS, PREFIX_DIGITS);
    }

    /** The day of a number, as it is written in it ({@code 20261206}). */
    public static String dayTextOf(String number) {
        return number.substring(0, DAY_DIGITS);
    }

    /** The day's sequence of a number, as written ({@code 00123}). */
    public static String sequenceOf(String number) {
        return number.substring(PREFIX_DIGITS);
    }
}
