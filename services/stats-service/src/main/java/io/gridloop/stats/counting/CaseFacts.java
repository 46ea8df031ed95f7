package io.gridloop.stats.counting;

import io.gridloop.contracts.area.AreaLevel;
import io.gridloop.contracts.area.AreaPath;
import io.gridloop.contracts.event.CaseAction;
import io.gridloop.contracts.event.CaseState;
import io.gridloop.contracts.event.CaseTransitioned;
import io.gridloop.contracts.event.EventCategory;
import io.gridloop.contracts.event.ReportSource;
import io.gridloop.contracts.event.VisitResolution;
import io.gridloop.contracts.event.VisitSatisfaction;

import java.time.Instant;
import java.util.Objects;

/**
 * What statistics know about one case: enough to say, for any definition in {@link Contribution}, what the case
 * counts for. Built by folding the case's transitions in sequence order; a transition at or below
 * {@link #sequence} was folded in already.
 *
 * @param firstAcceptedAt when the case was first taken on (签收 or 受理): the response (响应)
 * @param acceptBy        the response deadline that was in force then
 * @param overdue         dispatch declared the current deadline missed (超期督办) and the case is still open
 * @param caseNumber      the number people quote (案件编号), for lists
 * @param area            where the case lies; names an event lacks are kept from earlier ones
 * @param subCategory     the catalogue code, for lists
 * @param handlingUnitName who has the case now, for lists
 * @param visitResolution   the latest 12345 return visit's answer, if any
 * @param visitSatisfaction the latest 12345 return visit's rating, if any
 * @param level           the level that has the case now (after closing: the level that closed it); absent on
 *                        facts kept before levels were
 * @param gridWorkerId    the grid worker who reported the case, on their reports
 */
public record CaseFacts(
        String caseId,
        String caseNumber,
        int sequence,
        AreaPath area,
        EventCategory category,
        ReportSource source,
        CaseState state,
        Instant reportedAt,
        Instant dueAt,
        Instant acceptBy,
        boolean routed,
        Instant firstAcceptedAt,
        boolean returned,
        boolean escalated,
        boolean extended,
        int reworkCount,
        Instant closedAt,
        boolean closedOnTime,
        boolean overdue,
        String subCategory,
        String handlingUnitName,
        VisitResolution visitResolution,
        VisitSatisfaction visitSatisfaction,
        AreaLevel level,
        String gridWorkerId) {

    /** Whether {@code t} is news for this case: later in its history than anything folded in. */
    public boolean isBehind(CaseTransitioned t) {
        return t.sequence() > sequence;
    }

    /** The case's facts after {@code t}; {@code before} is absent for a case seen for the first time. */
    public static CaseFacts fold(CaseFacts before, CaseTransitioned t) {
        CaseAction action = t.action() == null ? CaseAction.UNKNOWN : t.action();
        boolean responds = t.toState() == CaseState.ACCEPTED || action == CaseAction.CLAIM
                || action == CaseAction.ACCEPT;
        Instant firstAccepted = before != null && before.firstAcceptedAt != null ? before.firstAcceptedAt
                : responds ? t.occurredAt() : null;
        Instant acceptBy = before != null && before.firstAcceptedAt != null ? before.acceptBy
                : t.acceptBy() != null ? t.acceptBy() : before == null ? null : before.acceptBy;
        boolean closed = t.toState() == CaseState.CLOSED;
        // A transition that leaves a closed case closed (the 12345 return visit) changes neither when nor whether
        // on time it was closed: only the closing transition says so.
        boolean staysClosed = closed && before != null && before.isClosed();
        Instant closedAt = !closed ? null
                : staysClosed ? before.closedAt : t.closedAt() != null ? t.closedAt() : t.occurredAt();
        boolean closedOnTime = closed && (staysClosed ? before.closedOnTime : Boolean.TRUE.equals(t.onTime()));
        // A missed deadline stays missed until the deadline moves (extension, re-opening) or the case ends.
        boolean deadlineMoved = before != null && !Objects.equals(before.dueAt, t.dueAt());
        boolean overdue = action == CaseAction.OVERDUE
                || (before != null && before.overdue && !deadlineMoved);
        return new CaseFacts(
                t.caseId(),
                keep(t.caseNumber(), before == null ? null : before.caseNumber),
                t.sequence(),
                t.area().keepingNamesOf(before == null ? null : before.area),
                t.category(), t.source(), t.toState(),
                t.reportedAt(), t.dueAt(), acceptBy,
                (before != null && before.routed) || t.toState() == CaseState.ROUTED,
                firstAccepted,
                (before != null && before.returned) || t.toState() == CaseState.RETURNED,
                (before != null && before.escalated) || t.toState() == CaseState.ESCALATED,
                (before != null && before.extended) || action == CaseAction.APPROVE_EXTENSION,
                t.reworkCount() == null ? (before == null ? 0 : before.reworkCount) : t.reworkCount(),
                closedAt,
                closedOnTime,
                overdue,
                keep(t.subCategory(), before == null ? null : before.subCategory),
                keep(t.handlingUnitName(), before == null ? null : before.handlingUnitName),
                // The latest visit counts: a second visit replaces the first.
                t.visitResolution() != null ? t.visitResolution() : before == null ? null : before.visitResolution,
                t.visitSatisfaction() != null ? t.visitSatisfaction()
                        : before == null ? null : before.visitSatisfaction,
                t.level() != null ? t.level() : before == null ? null : before.level,
                keep(t.gridWorkerId(), before == null ? null : before.gridWorkerId));
    }

    private static String keep(String now, String before) {
        return now != null ? now : before;
    }

    public boolean isOpen() {
        return state != null && !state.isFinal();
    }

    public boolean isClosed() {
        return state == CaseState.CLOSED;
    }

    /** Open, and its current deadline declared missed: on the 超期 list. */
    public boolean isOverdueNow() {
        return isOpen() && overdue;
    }

    /** Closed by the grid it lies in (小事不出网格): the grid level had the case when it closed. */
    public boolean isClosedInGrid() {
        return isClosed() && level == AreaLevel.GRID;
    }

    public boolean respondedInTime() {
        return firstAcceptedAt != null && (acceptBy == null || !firstAcceptedAt.isAfter(acceptBy));
    }
}
