package io.gridloop.dispatch.casework;

import io.gridloop.contracts.event.CaseState;
import io.gridloop.contracts.event.GeoPoint;
import io.gridloop.contracts.area.AreaLevel;
import io.gridloop.dispatch.lifecycle.ActionRules;
import io.gridloop.dispatch.access.CaseAccess;
import io.gridloop.dispatch.deadline.HolidayCalendar;
import io.gridloop.contracts.event.CaseAction;
import io.gridloop.dispatch.lifecycle.CaseFile;
import io.gridloop.dispatch.lifecycle.TimelineEntry;
import io.gridloop.dispatch.lifecycle.ActionInput;
import io.gridloop.platform.security.Caller;
import io.gridloop.platform.security.Role;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * A case as its reader sees it, with Chinese labels beside the codes. {@code allowedActions} are the actions the
 * state allows that this caller may take (a handler is not offered the centre's, a supervisor none);
 * {@code actions} says the same with what each one's form asks for, so a page offers exactly those buttons.
 */
record CaseView(String caseId, String caseNumber, CaseState state, String stateLabel, String districtCode,
                String districtName, String streetCode, String streetName, String communityCode,
                String communityName, String gridCode, String category, String categoryLabel, String subCategory,
                String subCategoryName, String source, String sourceLabel, String urgency, String urgencyLabel,
                String description, GeoPoint location, String likelyDuplicateOf, Instant reportedAt,
                Instant acceptBy, Instant dueAt, Instant warnAt, String handlingUnit, String handlingUnitName,
                AreaLevel level, String levelLabel, String routingRule, String assignee, int reworkCount,
                Integer requestedExtensionDays, String mergedInto, Instant closedAt, boolean warned,
                boolean overdue, Integer workingDaysLeft, List<String> allowedActions, List<ActionChoice> actions,
                List<TimelineLine> timeline) {

    /** A line of the timeline with the Chinese names of its action, state and role. */
    record TimelineLine(int sequence, String action, String actionLabel, CaseState fromState, CaseState toState,
                        String toStateLabel, String actor, String role, String roleLabel, String comment,
                        String handlingUnit, String handlingUnitName, String assignee, String routingRule,
                        List<String> photoIds, Instant at) {

        static TimelineLine of(TimelineEntry e) {
            return new TimelineLine(e.sequence(), e.action(),
                    CaseAction.fromWireName(e.action()).map(CaseAction::label).orElse(e.action()), e.fromState(),
                    e.toState(), e.toState() == null ? null : e.toState().label(), e.actor(), e.role(),
                    roleLabel(e.role()), e.comment(), e.handlingUnit(), e.handlingUnitName(), e.assignee(),
                    e.routingRule(), e.photoIds(), e.at());
        }

        private static String roleLabel(String role) {
            if (role == null) {
                return null;
            }
            return switch (role) {
                case ActionInput.SYSTEM_ROLE -> "系统";
                case ActionInput.HOTLINE_ROLE -> "12345平台";
                default -> java.util.Arrays.stream(Role.values()).filter(r -> r.name().equals(role)).findFirst()
                        .map(Role::label).orElse(role);
            };
        }
    }

    /**
     * An action this caller may take now and what its form needs.
     *
     * @param reasonRequired the comment is required (a reason, or a feedback's result)
     * @param inputs         what else the form asks for
     */
    record ActionChoice(String action, String label, boolean reasonRequired, Set<ActionRules.Input> inputs) {

        static ActionChoice of(CaseAction a) {
            return new ActionChoice(a.wireName(), a.label(), ActionRules.needsReason(a), ActionRules.inputs(a));
        }
    }

    /**
     * @param workingDaysLeft working days to the deadline while the clock runs (see
     *                        {@link HolidayCalendar#workingDaysUntil}); absent once closed, while suspended, or
     *                        without a deadline
     */
    static CaseView of(CaseFile c, Caller caller, HolidayCalendar calendar, Instant now) {
        List<CaseAction> mayTake = c.allowedActions().stream().filter(ActionRules::manual)
                .filter(a -> CaseAccess.roleIfAllowed(caller, a, c).isPresent())
                // Whoever works the case has claimed it: offering them 签收 again would do nothing.
                .filter(a -> a != CaseAction.CLAIM || !caller.id().equals(c.handling().assignee()))
                .sorted(Comparator.naturalOrder()).toList();
        return new CaseView(c.id(), c.caseNumber(), c.state(), c.state().label(), c.area().districtCode(),
                c.area().districtName(), c.area().streetCode(), c.area().streetName(), c.area().communityCode(), c.area().communityName(),
                c.area().gridCode(), c.report().category().name(), c.report().category().label(), c.report().subCategory(), c.report().subCategoryName(),
                c.report().source().name(), c.report().source().label(), c.report().urgency() == null ? null : c.report().urgency().name(),
                c.report().urgency() == null ? null : c.report().urgency().label(), c.report().description(), c.report().location(),
                c.report().likelyDuplicateOf(), c.report().reportedAt(), c.deadlines().acceptBy(), c.deadlines().closeBy(), c.deadlines().warnAt(), c.handling().unitCode(),
                c.handling().unitName(), c.handling().level(), c.handling().level() == null ? null : c.handling().level().label(), c.handling().routingRule(),
                c.handling().assignee(), c.reworkCount(), c.paused() == null ? null : c.paused().requestedExtensionDays(), c.mergedInto(), c.closedAt(),
                c.warned(), c.overdue(), workingDaysLeft(c, calendar, now), mayTake.stream().map(CaseAction::wireName).sorted().toList(),
                mayTake.stream().map(ActionChoice::of).toList(),
                c.timeline().stream().map(TimelineLine::of).toList());
    }

    private static Integer workingDaysLeft(CaseFile c, HolidayCalendar calendar, Instant now) {
        if (c.deadlines().closeBy() == null || c.state().isFinal() || c.state() == CaseState.SUSPENDED) {
            return null;
        }
        return calendar.workingDaysUntil(now.atZone(HolidayCalendar.CHINA).toLocalDate(),
                c.deadlines().closeBy().atZone(HolidayCalendar.CHINA).toLocalDate());
    }
}
