package io.gridloop.dispatch.deadline;

import io.gridloop.contracts.event.Complexity;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * The "1-3-5" rule on working days: accept and verify within 1 working day; close simple and general cases within
 * 3, complex ones within 5. All three numbers and the warning share are configurable; a deadline set by someone
 * else (a hotline order's own due time) wins over the rule.
 */
public final class DeadlinePolicy {

    /** Working days to accept and verify a case (the "1"). */
    public static final int ACCEPT_WITHIN = 1;
    /** Working days to close a case, by how complex it is (the "3" and the "5"). */
    public static final Map<Complexity, Integer> CLOSE_WITHIN = Map.of(
            Complexity.SIMPLE, 3, Complexity.GENERAL, 3, Complexity.COMPLEX, 5);
    /** The share of the time after which a case is warned of (预警). */
    public static final double WARN_SHARE = 0.75;

    private final HolidayCalendar calendar;
    private final int acceptWithinDays;
    private final Map<Complexity, Integer> closeWithinDays;
    private final double warnShare;

    public DeadlinePolicy(HolidayCalendar calendar, int acceptWithinDays, Map<Complexity, Integer> closeWithinDays,
                          double warnShare) {
        if (warnShare <= 0 || warnShare >= 1) {
            throw new IllegalArgumentException("warn share must lie between 0 and 1, was " + warnShare);
        }
        this.calendar = Objects.requireNonNull(calendar);
        this.acceptWithinDays = acceptWithinDays;
        this.closeWithinDays = new EnumMap<>(closeWithinDays);
        for (Complexity c : Complexity.values()) {
            if (!this.closeWithinDays.containsKey(c)) {
                throw new IllegalArgumentException("no closing deadline for " + c);
            }
        }
        this.warnShare = warnShare;
    }

    /** "1-3-5": 1 to accept, 3 for simple and general cases, 5 for complex ones; warn at 75% of the time. */
    public static DeadlinePolicy oneThreeFive(HolidayCalendar calendar) {
        return new DeadlinePolicy(calendar, ACCEPT_WITHIN, CLOSE_WITHIN, WARN_SHARE);
    }

    public Deadlines forCase(Instant reportedAt, Complexity complexity) {
        return forCase(reportedAt, complexity, null);
    }

    /** @param externalDue a due time set elsewhere (e.g. by the 12345 hotline), or {@code null} */
    public Deadlines forCase(Instant reportedAt, Complexity complexity, Instant externalDue) {
        ZonedDateTime start = reportedAt.atZone(HolidayCalendar.CHINA);
        Instant acceptBy = calendar.plusWorkingDays(start, acceptWithinDays).toInstant();
        Instant closeBy = externalDue != null ? externalDue
                : calendar.plusWorkingDays(start, closeWithinDays.get(complexity)).toInstant();
        if (acceptBy.isAfter(closeBy)) {
            acceptBy = closeBy;
        }
        long span = Math.max(0, Duration.between(reportedAt, closeBy).toMillis());
        Instant warnAt = reportedAt.plusMillis(Math.round(span * warnShare));
        return new Deadlines(acceptBy, closeBy, warnAt);
    }

    public HolidayCalendar calendar() {
        return calendar;
    }
}
