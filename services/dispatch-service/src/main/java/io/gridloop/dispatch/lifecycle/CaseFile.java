package io.gridloop.dispatch.lifecycle;

import io.gridloop.contracts.event.CaseState;
import io.gridloop.contracts.event.CaseTransitioned;
import io.gridloop.contracts.event.EventCategory;
import io.gridloop.contracts.event.EventReported;
import io.gridloop.contracts.event.GeoPoint;
import io.gridloop.contracts.event.ReportSource;
import io.gridloop.dispatch.deadline.Deadlines;
import io.gridloop.dispatch.routing.HandlingUnit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A case (案卷) in the closed loop. Its id is the reported event's id, so one report can only ever open one case
 * and reporters and operators quote the same number.
 *
 * @param acceptBy by when the handling unit must accept the case (受理时限)
 * @param dueAt    by when the case must be closed (结案期限)
 * @param warnAt   when to warn that {@code dueAt} approaches (预警)
 * @param version  bumped by every transition; a transition applies only to the version it was computed from
 * @param sequence the number of the last transition (1 = reported)
 * @param outbox   transition events not yet relayed to Kafka
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
        int sequence,
        List<TimelineEntry> timeline,
        List<OutboxEntry> outbox) {

    public static final String SYSTEM = "system";

    public CaseFile {
        timeline = timeline == null ? List.of() : List.copyOf(timeline);
        outbox = outbox == null ? List.of() : List.copyOf(outbox);
    }

    /** A state change computed from a case at a given version, not yet stored. */
    public record Transition(CaseState to, int sequence, TimelineEntry entry, OutboxEntry event) {
    }

    /**
     * Opens the case for a reported event and routes it (上报 → 分流) in one step: both transitions are stored
     * with the case, so it is never seen unrouted.
     */
    public static CaseFile open(EventReported event, HandlingUnit unit, Deadlines deadlines, Instant now) {
        CaseFile fresh = new CaseFile(event.eventId(), CaseState.REPORTED, 0, event.districtCode(),
                event.districtName(), event.gridCode(), event.category(), event.source(), event.description(),
                event.location(), event.reportedAt(), deadlines.acceptBy(), deadlines.closeBy(), deadlines.warnAt(),
                null, null, 0, List.of(), List.of());
        CaseFile reported = fresh.with(fresh.transition(CaseAction.REPORT, null, CaseState.REPORTED, SYSTEM, null, now));
        CaseFile assigned = reported.assignedTo(unit);
        return assigned.with(assigned.next(CaseAction.ROUTE, SYSTEM, null, now));
    }

    /**
     * What {@code action} does to this case.
     *
     * @throws IllegalTransitionException if the case's state does not allow it
     */
    public Transition next(CaseAction action, String actor, String comment, Instant now) {
        CaseState to = CaseStateMachine.next(state, action);
        return transition(action, state, to, actor, comment, now);
    }

    public Set<CaseAction> allowedActions() {
        return CaseStateMachine.allowed(state);
    }

    /** This case with {@code t} applied, as the stored document will look after the transition's update. */
    public CaseFile with(Transition t) {
        List<TimelineEntry> newTimeline = new ArrayList<>(timeline);
        newTimeline.add(t.entry());
        List<OutboxEntry> newOutbox = new ArrayList<>(outbox);
        newOutbox.add(t.event());
        return new CaseFile(id, t.to(), version + 1, districtCode, districtName, gridCode, category, source,
                description, location, reportedAt, acceptBy, dueAt, warnAt, handlingUnit, handlingUnitName,
                t.sequence(), newTimeline, newOutbox);
    }

    private CaseFile assignedTo(HandlingUnit unit) {
        return new CaseFile(id, state, version, districtCode, districtName, gridCode, category, source, description,
                location, reportedAt, acceptBy, dueAt, warnAt, unit.code(), unit.name(), sequence, timeline, outbox);
    }

    private Transition transition(CaseAction action, CaseState from, CaseState to, String actor, String comment,
                                  Instant now) {
        int seq = sequence + 1;
        CaseTransitioned event = new CaseTransitioned(id, seq, action.wireName(), from, to, districtCode,
                districtName, gridCode, category, source, reportedAt, dueAt, now, actor, handlingUnit);
        return new Transition(to, seq, new TimelineEntry(seq, action.wireName(), from, to, actor, comment, now),
                new OutboxEntry(id + "-" + seq, event));
    }
}
