package io.gridloop.dispatch.lifecycle;

import io.gridloop.contracts.event.CaseAction;
import io.gridloop.contracts.event.CaseState;
import io.gridloop.contracts.event.CaseTransitioned;
import io.gridloop.contracts.event.EventReported;
import io.gridloop.contracts.area.AreaLevel;
import io.gridloop.contracts.event.ReportSource;
import io.gridloop.dispatch.deadline.Deadlines;
import io.gridloop.dispatch.deadline.HolidayCalendar;
import io.gridloop.contracts.area.AreaPath;
import io.gridloop.dispatch.routing.HandlingUnit;
import io.gridloop.dispatch.routing.RoutingDecision;
import io.gridloop.dispatch.routing.GridCentres;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A case (案卷) in the closed loop. Its id is the reported event's id, so one report can only ever open one case
 * and reporters and operators quote the same number.
 *
 * @param caseNumber  the number people quote (案件编号, {@code CaseNumbers}); absent on cases opened before numbers
 *                    were given
 * @param version     bumped by every transition; a transition applies only to the version it was computed from
 * @param area        where the case lies, district down to grid
 * @param report      what was reported; never changed by handling
 * @param handling    who has the case now (承办单位, 承办人) and at which level (网格 … 市)
 * @param deadlines   by when the case must be accepted and closed, and when it is warned of; moved by approved
 *                    extensions, by the time spent suspended and by re-opening
 * @param warned      the approaching deadline was announced (预警)
 * @param overdue     the deadline passed while open: supervised (督办) and the level above notified
 * @param paused      while suspended or awaiting an extension decision: where it returns to
 * @param reworkCount how often review sent the case back (返工次数)
 * @param lastVisit   the latest 12345 return visit (回访), for cases from the hotline
 * @param sequence    the number of the last transition (1 = reported)
 * @param outbox      transition events not yet relayed to Kafka
 */
public record CaseFile(
        String id,
        String caseNumber,
        CaseState state,
        long version,
        AreaPath area,
        Report report,
        Handling handling,
        Deadlines deadlines,
        boolean warned,
        boolean overdue,
        Paused paused,
        int reworkCount,
        String mergedInto,
        Instant closedAt,
        HotlineVisit lastVisit,
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
     * Opens the case for a reported event (上报) and, if a rule routes it, routes it (分流) in the same step: both
     * transitions are stored with the case, so it is never seen half-opened. Without a rule it waits at its
     * district's triage desk for a person.
     *
     * @param routing the rules' decision for the case at its first level; empty: no rule matches
     */
    public static CaseFile open(String caseNumber, EventReported event, Optional<RoutingDecision> routing,
                                Deadlines deadlines, Instant now) {
        return open(caseNumber, event, routing, deadlines, now, null);
    }

    /**
     * @param duplicateNumber the case number of the likely duplicate, as the timeline names it to people (its id
     *                        where it has none)
     */
    public static CaseFile open(String caseNumber, EventReported event, Optional<RoutingDecision> routing,
                                Deadlines deadlines, Instant now, String duplicateNumber) {
        CaseFile fresh = new CaseFile(event.eventId(), caseNumber, CaseState.REPORTED, 0, event.area(),
                Report.of(event), Handling.atTriage(GridCentres.triage(event.area()), firstLevel(event)), deadlines,
                false, false, null, 0, null, null, null, 0, List.of(), List.of());
        String note = event.likelyDuplicateOf() == null ? null : "疑似与案件 "
                + (duplicateNumber != null ? duplicateNumber : event.likelyDuplicateOf()) + " 重复，可并单";
        // The reporter's photos stay with the report's line of the timeline; intake serves them.
        ActionInput report = new ActionInput(SYSTEM, ActionInput.SYSTEM_ROLE, note, null, null, null, null,
                event.photoIds());
        CaseFile reported = fresh.record(CaseAction.REPORT, null, fresh, report, now).after();
        if (routing.isEmpty()) {
            return reported;
        }
        return reported.next(CaseAction.ROUTE, ActionInput.system(null).routedBy(routing.get()), null, now)
                .after();
    }

    /** The level that handles a case first: the sub-category's, or the district centre's for the unknown. */
    public static AreaLevel firstLevel(EventReported event) {
        return event.initialLevel() != null ? event.initialLevel() : AreaLevel.DISTRICT;
    }

    /** The sequence of the transition that closed the case, while it is closed. */
    public Optional<Integer> closingSequence() {
        if (state != CaseState.CLOSED) {
            return Optional.empty();
        }
        // The close itself, not a later step that kept the case closed (a 12345 return visit).
        return timeline.reversed().stream().filter(e -> e.is(CaseAction.CLOSE)).findFirst()
                .map(TimelineEntry::sequence);
    }

    /** The unit that returned the case (退单), while it waits for re-triage. */
    public Optional<String> returnedBy() {
        if (state != CaseState.RETURNED) {
            return Optional.empty();
        }
        for (int i = timeline.size() - 1; i > 0; i--) {
            if (timeline.get(i).is(CaseAction.RETURN)) {
                return Optional.ofNullable(timeline.get(i - 1).handlingUnit());
            }
        }
        return Optional.empty();
    }

    /**
     * What {@code action} does to this case.
     *
     * @param calendar working days, for extensions; may be {@code null} for other actions
     * @throws IllegalTransitionException if the case's state does not allow it
     * @throws InvalidActionException     if the action lacks what it needs, or cannot apply to this case
     */
    public Transition next(CaseAction action, ActionInput in, HolidayCalendar calendar, Instant now) {
        CaseState to = CaseStateMachine.next(state, action, paused == null ? null : paused.returnTo());
        if (ActionRules.decidesExtension(action) && extensionDecidedByHotline()
                && !ActionInput.HOTLINE_ROLE.equals(in.role())) {
            throw new InvalidActionException(null, "12345工单的延期由12345平台审核，平台答复后自动生效");
        }
        if (ActionRules.needsReason(action) && (in.reason() == null || in.reason().isBlank())) {
            throw new InvalidActionException("comment", ActionRules.missingReason(action));
        }
        Builder b = new Builder(this);
        b.state = to;
        switch (action) {
            case ROUTE, REASSIGN -> {
                if (in.routing() == null) {
                    throw new InvalidActionException("unitCode", "请指定处理单位");
                }
                b.handling = handling.routedTo(in.routing());
            }
            case ESCALATE -> {
                AreaLevel up = handling.level().up().orElseThrow(() -> new InvalidActionException(null,
                        "案件已在市级办理，不能再上报"));
                RoutingDecision routing = in.routing() != null ? in.routing()
                        : RoutingDecision.manual(GridCentres.centre(up, area));
                b.handling = handling.routedTo(routing);
            }
            case RETURN -> b.handling = handling.returnedTo(GridCentres.triage(area));
            case CLAIM -> b.handling = handling.assignedTo(in.actor());
            case VISIT -> {
                if (in.visit() == null) {
                    throw new InvalidActionException("visit", "缺少回访结果");
                }
                HotlineVisit v = in.visit();
                b.lastVisit = new HotlineVisit(v.visitId(), v.orderNumber(), v.resolution(), v.satisfaction(),
                        v.visitedAt(), closingSequence().orElse(null),
                        lastVisit == null ? List.of() : lastVisit.idsSoFar());
            }
            case ASSIGN -> {
                if (in.assignee() == null || in.assignee().isBlank()) {
                    throw new InvalidActionException("assignee", "请指定承办人");
                }
                b.handling = handling.assignedTo(in.assignee());
            }
            case REWORK -> b.reworkCount = reworkCount + 1;
            case REQUEST_EXTENSION -> {
                Integer days = in.extensionWorkingDays();
                if (days == null || days < 1 || days > MAX_EXTENSION_DAYS) {
                    throw new InvalidActionException("extensionWorkingDays",
                            "延期天数须在1至" + MAX_EXTENSION_DAYS + "个工作日之间");
                }
                b.paused = Paused.forExtension(state, days);
            }
            case APPROVE_EXTENSION -> {
                Deadlines moved;
                if (in.decidedDueAt() != null) {
                    if (!in.decidedDueAt().isAfter(deadlines.closeBy())) {
                        throw new InvalidActionException("dueAt", "延期后的办结时限须晚于原时限");
                    }
                    moved = deadlines.extendedTo(in.decidedDueAt());
                } else {
                    if (calendar == null) {
                        throw new IllegalArgumentException("an extension needs the working-day calendar");
                    }
                    moved = deadlines.extendedBy(paused.requestedExtensionDays(), calendar);
                }
                b.deadlines(moved);
                b.paused = null;
            }
            case REJECT_EXTENSION -> b.paused = null;
            case SUSPEND -> b.paused = Paused.suspended(state, now);
            case RESUME -> {
                b.deadlines(deadlines.resumedAfter(Duration.between(paused.suspendedAt(), now)));
                b.paused = null;
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
            case REOPEN -> {
                // A result the reporter rejects counts as rework (返工) of the unit that closed it.
                b.deadlines(deadlines.restartedAt(now, report.reportedAt()));
                b.closedAt = null;
                b.reworkCount = reworkCount + 1;
            }
            default -> {
                // accept, feedback, invalidate change only the state
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
        return record(CaseAction.WARN, state, b.build(), ActionInput.system("距结案期限不足" + remaining(now)), now);
    }

    /**
     * The deadline passed with the case still open (超期): supervised (督办), and {@code notified} — the level
     * above — told. A case the watch first finds past its deadline is not marked warned: no warning was given,
     * and {@code warned} counts as one (the warnings metric and the 预警 mark agree).
     */
    public Transition overdue(Instant now, HandlingUnit notified) {
        Builder b = new Builder(this);
        b.overdue = true;
        return record(CaseAction.OVERDUE, state, b.build(),
                ActionInput.system("已超过结案期限，已督办并通知" + notified.name()), now);
    }

    /** Whether the deadline watch has something to say now; a suspended case's clock stands still. */
    public boolean needsWarning(Instant now) {
        return !state.isFinal() && state != CaseState.SUSPENDED && !warned && !overdue
                && !now.isBefore(deadlines.warnAt());
    }

    public boolean needsSupervision(Instant now) {
        return !state.isFinal() && state != CaseState.SUSPENDED && !overdue && now.isAfter(deadlines.closeBy());
    }

    private String remaining(Instant now) {
        long hours = Math.max(0, Duration.between(now, deadlines.closeBy()).toHours());
        return hours + "小时";
    }

    /** What may be done to the case now, by people: a 12345 order's extension is the hotline's to decide. */
    public Set<CaseAction> allowedActions() {
        Set<CaseAction> allowed = CaseStateMachine.allowed(state);
        if (!extensionDecidedByHotline()) {
            return allowed;
        }
        return allowed.stream().filter(a -> !ActionRules.decidesExtension(a))
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    /**
     * A 12345 order's deadline is the hotline's: the unit's extension request goes there (延期申请) and its answer
     * comes back through the bridge; the dispatch centre does not decide it.
     */
    public boolean extensionDecidedByHotline() {
        return report.source() == ReportSource.HOTLINE_12345;
    }

    /** The sequence of the extension request awaiting its decision, if one does. */
    public Optional<Integer> pendingExtensionRequest() {
        if (state != CaseState.EXTENSION_REQUESTED) {
            return Optional.empty();
        }
        return timeline.reversed().stream()
                .filter(e -> e.is(CaseAction.REQUEST_EXTENSION))
                .map(TimelineEntry::sequence).findFirst();
    }

    private Transition record(CaseAction action, CaseState from, CaseFile changed, ActionInput in, Instant now) {
        int seq = sequence + 1;
        Boolean onTime = action == CaseAction.CLOSE ? !now.isAfter(deadlines.closeBy()) : null;
        String role = in.role() == null || in.role().isBlank() ? "UNSPECIFIED" : in.role();
        Handling handled = changed.handling;
        String rule = ActionRules.sendsToUnit(action) ? handled.routingRule() : null;  // on the transitions it decided
        CaseTransitioned event = new CaseTransitioned(id, seq, action, from, changed.state, area.districtCode(),
                area.districtName(), area.gridCode(), report.category(), report.source(), report.reportedAt(),
                changed.deadlines.closeBy(), now, in.actor(), handled.unitCode(), handled.level(),
                changed.reworkCount, in.reason(), changed.closedAt, onTime, changed.mergedInto,
                report.subCategory(), area.communityCode(), area.communityName(), area.streetCode(),
                area.streetName(), role, rule, handled.unitName(), changed.deadlines.acceptBy(),
                action == CaseAction.VISIT ? changed.lastVisit.resolution() : null,
                action == CaseAction.VISIT ? changed.lastVisit.satisfaction() : null,
                action == CaseAction.ESCALATE ? report.description() : null,
                action == CaseAction.REQUEST_EXTENSION ? changed.paused.requestedExtensionDays() : null,
                in.photoIds(), caseNumber, report.gridWorkerId());
        TimelineEntry entry = new TimelineEntry(seq, action.wireName(), from, changed.state, in.actor(), role,
                in.reason(), handled.unitCode(), handled.unitName(), handled.assignee(), rule, in.photoIds(), now);
        List<TimelineEntry> newTimeline = new ArrayList<>(timeline);
        newTimeline.add(entry);
        OutboxEntry outboxEntry = new OutboxEntry(event);
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
        Handling handling;
        Deadlines deadlines;
        boolean warned;
        boolean overdue;
        Paused paused;
        int reworkCount;
        String mergedInto;
        Instant closedAt;
        HotlineVisit lastVisit;
        int sequence;
        List<TimelineEntry> timeline;
        List<OutboxEntry> outbox;

        Builder(CaseFile c) {
            base = c;
            state = c.state;
            version = c.version;
            handling = c.handling;
            deadlines = c.deadlines;
            warned = c.warned;
            overdue = c.overdue;
            paused = c.paused;
            reworkCount = c.reworkCount;
            mergedInto = c.mergedInto;
            closedAt = c.closedAt;
            lastVisit = c.lastVisit;
            sequence = c.sequence;
            timeline = c.timeline;
            outbox = c.outbox;
        }

        /** Moved deadlines: a warning or supervision given for the old ones no longer holds. */
        void deadlines(Deadlines moved) {
            deadlines = moved;
            warned = false;
            overdue = false;
        }

        CaseFile build() {
            return new CaseFile(base.id, base.caseNumber, state, version, base.area, base.report, handling, deadlines,
                    warned, overdue, paused, reworkCount, mergedInto, closedAt, lastVisit, sequence, timeline,
                    outbox);
        }
    }
}
