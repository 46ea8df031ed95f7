package io.gridloop.dispatch.deadline;

import java.time.Duration;
import java.time.Instant;

/**
 * A case's deadlines, and the rules that move them once set: an approved extension (批准延期), the time a case
 * stood suspended (挂起), a case handled again (重新办理).
 *
 * @param acceptBy by when the handling unit must accept and verify (受理/核实)
 * @param closeBy  by when the case must be closed (结案期限)
 * @param warnAt   when to warn that {@code closeBy} approaches (预警)
 */
public record Deadlines(Instant acceptBy, Instant closeBy, Instant warnAt) {

    /** Extended to {@code newCloseBy} (the 12345 platform's decision): the warning keeps its distance before it. */
    public Deadlines extendedTo(Instant newCloseBy) {
        return new Deadlines(acceptBy, newCloseBy, warnAt.plus(Duration.between(closeBy, newCloseBy)));
    }

    /** Extended by {@code workingDays} of the calendar (the dispatch centre's approval). */
    public Deadlines extendedBy(int workingDays, HolidayCalendar calendar) {
        return extendedTo(calendar.plusWorkingDays(closeBy.atZone(HolidayCalendar.CHINA), workingDays).toInstant());
    }

    /** Resumed after standing still for {@code paused}: the clock does not run while a case is suspended. */
    public Deadlines resumedAfter(Duration paused) {
        return new Deadlines(acceptBy.plus(paused), closeBy.plus(paused), warnAt.plus(paused));
    }

    /**
     * Handled again from {@code now}, with as much time as the case had from {@code reportedAt} the first time
     * (a result the reporter rejects is not the reporter's delay).
     */
    public Deadlines restartedAt(Instant now, Instant reportedAt) {
        return new Deadlines(now.plus(Duration.between(reportedAt, acceptBy)),
                now.plus(Duration.between(reportedAt, closeBy)), now.plus(Duration.between(reportedAt, warnAt)));
    }
}
