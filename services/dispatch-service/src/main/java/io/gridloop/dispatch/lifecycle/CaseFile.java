package io.gridloop.dispatch.lifecycle;

import io.gridloop.contracts.event.CaseState;
import io.gridloop.contracts.event.CaseTransitioned;
import io.gridloop.contracts.event.EventCategory;
import io.gridloop.contracts.event.EventReported;
import io.gridloop.contracts.event.GeoPoint;
import io.gridloop.contracts.event.ReportSource;
import io.gridloop.dispatch.deadline.Deadlines;
import io.gridloop.dispatch.deadline.HolidayCalendar;
import io.gridloop.dispatch.routing.HandlingLevel;
import io.gridloop.dispatch.routing.HandlingUnit;
import io.gridloop.dispatch.routing.Router;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A case (案卷) in the closed loop. Its id is the reported event's id, so one report can only ever open one case
 * and reporters and operators quote the same number.
 *
 * @param acceptBy               by when the handling unit must accept the case (受理时限)
 * @param dueAt                  by when the case must be closed (结案期限); moved by approved extensions and by
 *                               the time spent suspended
 * @param warnAt                 when to warn that {@code dueAt} approaches (预警)
 * @param level                  the level of the handling unit (网格 … 市)
 * @param reworkCount            how often review sent the case back (返工次数)
 * @param resumeState            while suspended or awaiting an extension decision: the state to return to
 * @param requestedExtensionDays the working days a pending extension request asks for
 * @param suspendedAt            since when the case is suspended; the clock stops meanwhile
 * @param warned                 the approaching deadline was announced (预警)
 * @param overdue                the deadline passed while open: supervised (督办) and the level above notified
 * @param version                bumped by every transition; a transition applies only to the version it was
 *                               computed from
 * @param sequence               the number of the last transition (1 = reported)
 * @param outbox                 transition events not yet relayed to Kafka
 */
public record CaseFile(
        String id,
        CaseState state,
        long version,
        String districtCode,
        String districtName,
        String gridCode,
        EventCategory category,
        ReportSource source,
        String description,
        GeoPoint location,
        Instant reportedAt,
        Instant acceptBy,
        Instant dueAt,
        Instant warnAt,
        String handlingUnit,
        String handlingUnitName,
        HandlingLevel level,
        int reworkCount,
        CaseState resumeState,
        Integer requestedExtensionDays,
        Instant suspendedAt,
        String mergedInto,
        Instant closedAt,
        boolean warned,
        boolean overdue,
        int sequence,
        List<TimelineEntry> timeline,
        List<OutboxEntry> outbox) {

    public static final String SYSTEM = "system";
    static final int MAX_EXTENSION_DAYS = 10;

    public CaseFile {
        timeline = timeline == null ? List.of() : List.copyOf(timeline);
        outbox = outbox == null ? List.of() : List.copyOf(outbox);
    }

    /** A state change computed from a case at a given version, not yet stored: the case after it, and its event. */
    public record Transition(CaseFile after, TimelineEntry entry, OutboxEntry event) {
    }

    /**
     * Opens the case for a reported event and routes it (上报 → 分流) in one step: both transitions are stored
     * with the case, so it is never seen unrouted.
     */
    public static CaseFile open(EventReported event, HandlingUnit unit, Deadlines deadlines, Instant now) {
        CaseFile fresh = new CaseFile(event.eventId(), CaseState.REPORTED, 0, event.districtCode(),
                event.districtName(), event.gridCode(), event.category(), event.source(), event.description(),
                event.location(), event.reportedAt(), deadlines.acceptBy(), deadlines.closeBy(), deadlines.warnAt(),
                null, null, null, 0, null, null, null, null, null, false, false, 0, List.of(), List.of());
        CaseFile reported = fresh.record(CaseAction.REPORT, null, fresh, ActionInput.by(SYSTEM), now).after();
        return reported.next(CaseAction.ROUTE, new ActionInput(SYSTEM, null, null, null, unit), null, now).after();
    }

    /**
     * What {@code action} does to this case.
     *
     * @param calendar working days, for extensions; may be {@code null} for other actions
     * @throws IllegalTransitionException if the case's state does not allow it
     * @throws InvalidActionException     if the action lacks what it needs, or cannot apply to this case
     */
    public Transition next(CaseAction action, ActionInput in, HolidayCalendar calendar, Instant now) {
        CaseState to = CaseStateMachine.next(state, action, resumeState);
        if (action.needsReason() && (in.reason() == null || in.reason().isBlank())) {
            throw new InvalidActionException("comment", action.label() + "须说明原因");
        }
        Builder b = new Builder(this);
        b.state = to;
        switch (action) {
            case ROUTE -> {
                HandlingUnit unit = in.unit() != null ? in.unit()
                        : Router.centre(HandlingLevel.DISTRICT, gridCode, districtCode, districtName);
                b.handlingUnit = unit.code();
                b.handlingUnitName = unit.name();
                b.level = unit.level();
            }
            case ESCALATE -> {
                HandlingLevel up = level.up().orElseThrow(() -> new InvalidActionException(null,
                        "案件已在市级办理，不能再上报"));
                HandlingUnit unit = Router.centre(up, gridCode, districtCode, districtName);
                b.handlingUnit = unit.code();
                b.handlingUnitName = unit.name();
                b.level = up;
            }
            case REWORK -> b.reworkCount = reworkCount + 1;
            case REQUEST_EXTENSION -> {
                Integer days = in.extensionWorkingDays();
                if (days == null || days < 1 || days > MAX_EXTENSION_DAYS) {
                    throw new InvalidActionException("extensionWorkingDays",
                            "延期天数须在1至" + MAX_EXTENSION_DAYS + "个工作日之间");
                }
                b.resumeState = state;
                b.requestedExtensionDays = days;
            }
            case APPROVE_EXTENSION -> {
                if (calendar == null) {
                    throw new IllegalArgumentException("an extension needs the working-day calendar");
                }
                Instant movedDue = calendar.plusWorkingDays(dueAt.atZone(HolidayCalendar.CHINA),
                        requestedExtensionDays).toInstant();
                b.warnAt = warnAt.plus(Duration.between(dueAt, movedDue));
                b.dueAt = movedDue;
                b.warned = false;
                b.overdue = false;
                b.resumeState = null;
                b.requestedExtensionDays = null;
            }
            case REJECT_EXTENSION -> {
                b.resumeState = null;
                b.requestedExtensionDays = null;
            }
            case SUSPEND -> {
                b.resumeState = state;
                b.suspendedAt = now;
            }
            case RESUME -> {
                // The clock stood still while the case was suspended.
                Duration paused = Duration.between(suspendedAt, now);
                b.acceptBy = acceptBy.plus(paused);
                b.dueAt = dueAt.plus(paused);
                b.warnAt = warnAt.plus(paused);
                b.warned = false;
                b.overdue = false;
                b.resumeState = null;
                b.suspendedAt = null;
            }
            case MERGE -> {
                if (in.mergeInto() == null || in.mergeInto().isBlank()) {
                    throw new InvalidActionException("mergeInto", "请指定并入的案件编号");
                }
                if (in.mergeInto().equals(id)) {
                    throw new InvalidActionException("mergeInto", "案件不能并入自身");
                }
                b.mergedInto = in.mergeInto();
            }
            case CLOSE -> b.closedAt = now;
            default -> {
                // accept, feedback, return, invalidate change only the state
            }
        }
        return record(action, state, b.build(), in, now);
    }

    /**
     * The approaching deadline announced (预警), recorded and published like a transition but leaving the state.
     */
    public Transition warned(Instant now) {
        Builder b = new Builder(this);
        b.warned = true;
        return record(CaseAction.WARN, state, b.build(), ActionInput.by(SYSTEM, "距结案期限不足" + remaining(now)), now);
    }

    /**
     * The deadline passed with the case still open (超期): supervised (督办), and {@code notified} — the level
     * above — told.
     */
    public Transition overdue(Instant now, HandlingUnit notified) {
        Builder b = new Builder(this);
        b.overdue = true;
        b.warned = true;
        return record(CaseAction.OVERDUE, state, b.build(),
                ActionInput.by(SYSTEM, "已超过结案期限，已督办并通知" + notified.name()), now);
    }

    /** Whether the deadline watch has something to say now; a suspended case's clock stands still. */
    public boolean needsWarning(Instant now) {
        return !state.isFinal() && state != CaseState.SUSPENDED && !warned && !now.isBefore(warnAt);
    }

    public boolean needsSupervision(Instant now) {
        return !state.isFinal() && state != CaseState.SUSPENDED && !overdue && now.isAfter(dueAt);
    }

    private String remaining(Instant now) {
        long hours = Math.max(0, Duration.between(now, dueAt).toHours());
        return hours + "小时";
    }

    public Set<CaseAction> allowedActions() {
        return CaseStateMachine.allowed(state);
    }

    private Transition record(CaseAction action, CaseState from, CaseFile changed, ActionInput in, Instant now) {
        int seq = sequence + 1;
        Boolean onTime = action == CaseAction.CLOSE ? !now.isAfter(dueAt) : null;
        CaseTransitioned event = new CaseTransitioned(id, seq, action.wireName(), from, changed.state, districtCode,
                districtName, gridCode, category, source, reportedAt, changed.dueAt, now, in.actor(),
                changed.handlingUnit, changed.level == null ? null : changed.level.name(), changed.reworkCount,
                in.reason(), changed.closedAt, onTime, changed.mergedInto);
        TimelineEntry entry = new TimelineEntry(seq, action.wireName(), from, changed.state, in.actor(), in.reason(),
                now);
        List<TimelineEntry> newTimeline = new ArrayList<>(timeline);
        newTimeline.add(entry);
        OutboxEntry outboxEntry = new OutboxEntry(id + "-" + seq, event);
        List<OutboxEntry> newOutbox = new ArrayList<>(outbox);
        newOutbox.add(outboxEntry);
        Builder b = new Builder(changed);
        b.version = version + 1;
        b.sequence = seq;
        b.timeline = newTimeline;
        b.outbox = newOutbox;
        return new Transition(b.build(), entry, outboxEntry);
    }

    /** A mutable copy, so each action states only what it changes. */
    private static final class Builder {
        private final CaseFile base;
        CaseState state;
        long version;
        Instant acceptBy;
        Instant dueAt;
        Instant warnAt;
        String handlingUnit;
        String handlingUnitName;
        HandlingLevel level;
        int reworkCount;
        CaseState resumeState;
        Integer requestedExtensionDays;
        Instant suspendedAt;
        String mergedInto;
        Instant closedAt;
        boolean warned;
        boolean overdue;
        int sequence;
        List<TimelineEntry> timeline;
        List<OutboxEntry> outbox;

        Builder(CaseFile c) {
            base = c;
            state = c.state;
            version = c.version;
            acceptBy = c.acceptBy;
            dueAt = c.dueAt;
            warnAt = c.warnAt;
            handlingUnit = c.handlingUnit;
            handlingUnitName = c.handlingUnitName;
            level = c.level;
            reworkCount = c.reworkCount;
            resumeState = c.resumeState;
            requestedExtensionDays = c.requestedExtensionDays;
            suspendedAt = c.suspendedAt;
            mergedInto = c.mergedInto;
            closedAt = c.closedAt;
            warned = c.warned;
            overdue = c.overdue;
            sequence = c.sequence;
            timeline = c.timeline;
            outbox = c.outbox;
        }

        CaseFile build() {
            return new CaseFile(base.id, state, version, base.districtCode, base.districtName, base.gridCode,
                    base.category, base.source, base.description, base.location, base.reportedAt, acceptBy, dueAt,
                    warnAt, handlingUnit, handlingUnitName, level, reworkCount, resumeState, requestedExtensionDays,
                    suspendedAt, mergedInto, closedAt, warned, overdue, sequence, timeline, outbox);
        }
    }
}
