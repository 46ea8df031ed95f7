package io.gridloop.dispatch.lifecycle;

import io.gridloop.contracts.event.CaseAction;
import io.gridloop.contracts.event.CaseState;
import io.gridloop.contracts.event.CaseTransitioned;
import io.gridloop.contracts.event.EventCategory;
import io.gridloop.contracts.event.EventReported;
import io.gridloop.contracts.event.ReportSource;
import io.gridloop.dispatch.deadline.Deadlines;
import io.gridloop.dispatch.deadline.HolidayCalendar;
import io.gridloop.dispatch.deadline.CalendarFixtures;
import io.gridloop.contracts.area.AreaLevel;
import io.gridloop.dispatch.Reports;
import io.gridloop.dispatch.routing.HandlingUnit;
import io.gridloop.dispatch.routing.RoutingDecision;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CaseFileTest {

    static final Instant T0 = Instant.parse("2026-03-02T01:30:00Z");
    static final HolidayCalendar CALENDAR = HolidayCalendar.of(List.of(CalendarFixtures.Y2026));
    static final HandlingUnit DISTRICT_CENTRE = new HandlingUnit("150105", "赛罕区网格化服务管理中心",
            AreaLevel.DISTRICT);

    static EventReported reported(String id) {
        return Reports.of(id, "NEIGHBOUR_DISPUTE", "150105001002003", "赛罕区", T0);
    }

    static Deadlines deadlines(Instant closeBy) {
        return new Deadlines(closeBy, closeBy, closeBy.minusSeconds(3600));
    }

    static CaseFile opened(String id) {
        return CaseFile.open("2026120615010500001", reported(id), Optional.of(RoutingDecision.manual(DISTRICT_CENTRE)),
                deadlines(T0.plusSeconds(3 * 86_400)), T0);
    }

    static CaseFile act(CaseFile c, CaseAction action, ActionInput in, Instant at) {
        return c.next(action, in, CALENDAR, at).after();
    }

    static CaseFile act(CaseFile c, CaseAction action) {
        return act(c, action, ActionInput.by("op", "原因"), T0.plusSeconds(60));
    }

    static CaseTransitioned lastEvent(CaseFile c) {
        return c.outbox().getLast().transition();
    }

    @Test
    void shouldNameTheGridWorkerWhoReportedOnEveryTransitionButNeverACitizen() {
        CaseFile patrol = act(opened("e-gw"), CaseAction.CLAIM);
        assertThat(patrol.outbox()).extracting(e -> e.transition().gridWorkerId()).containsOnly("gw-1").hasSize(3);

        EventReported photo = Reports.of("e-c", ReportSource.CITIZEN_PHOTO, "NEIGHBOUR_DISPUTE", "150105001002003",
                "赛罕区", T0, null);
        CaseFile citizens = CaseFile.open("2026120615010500002", photo,
                Optional.of(RoutingDecision.manual(DISTRICT_CENTRE)), deadlines(T0.plusSeconds(3 * 86_400)), T0);
        assertThat(citizens.outbox()).extracting(e -> e.transition().gridWorkerId()).containsOnlyNulls();
    }

    @Test
    void shouldOpenARoutedCaseWithBothTransitionsWaitingInItsOutbox() {
        CaseFile opened = opened("e-1");

        assertThat(opened.state()).isEqualTo(CaseState.ROUTED);
        assertThat(opened.handling().level()).isEqualTo(AreaLevel.DISTRICT);
        assertThat(opened.sequence()).isEqualTo(2);
        assertThat(opened.outbox()).extracting(OutboxEntry::messageId).containsExactly("e-1-1", "e-1-2");
        CaseTransitioned report = opened.outbox().get(0).transition();
        CaseTransitioned route = opened.outbox().get(1).transition();
        assertThat(report.fromState()).isNull();
        assertThat(report.toState()).isEqualTo(CaseState.REPORTED);
        assertThat(report.handlingUnit()).isEqualTo("150105-TRIAGE");
        assertThat(route.toState()).isEqualTo(CaseState.ROUTED);
        assertThat(route.handlingUnit()).isEqualTo("150105");
        assertThat(route.level()).isEqualTo(AreaLevel.DISTRICT);
        assertThat(route.dueAt()).isEqualTo(T0.plusSeconds(3 * 86_400));
    }

    @Test
    void shouldNumberEachFurtherTransitionAndKeepItsHistory() {
        CaseFile accepted = act(opened("e-2"), CaseAction.ACCEPT, ActionInput.by("handler-7", "已到现场"),
                T0.plusSeconds(60));

        assertThat(accepted.state()).isEqualTo(CaseState.ACCEPTED);
        assertThat(accepted.version()).isEqualTo(opened("e-2").version() + 1);
        assertThat(accepted.timeline()).last().satisfies(e -> {
            assertThat(e.sequence()).isEqualTo(3);
            assertThat(e.actor()).isEqualTo("handler-7");
            assertThat(e.comment()).isEqualTo("已到现场");
        });
        assertThat(accepted.outbox()).last().extracting(OutboxEntry::messageId).isEqualTo("e-2-3");
    }

    @Test
    void shouldCountReworkAndCloseOnTimeAfterASecondFeedback() {
        CaseFile c = act(act(act(opened("e-3"), CaseAction.ACCEPT), CaseAction.FEEDBACK), CaseAction.REWORK);
        assertThat(c.state()).isEqualTo(CaseState.REWORK);
        assertThat(c.reworkCount()).isEqualTo(1);
        assertThat(lastEvent(c).reworkCount()).isEqualTo(1);
        assertThat(lastEvent(c).reason()).isEqualTo("原因");

        CaseFile closed = act(act(c, CaseAction.FEEDBACK), CaseAction.CLOSE, ActionInput.by("reviewer"),
                T0.plusSeconds(7200));

        assertThat(closed.state()).isEqualTo(CaseState.CLOSED);
        assertThat(closed.closedAt()).isEqualTo(T0.plusSeconds(7200));
        assertThat(lastEvent(closed).onTime()).isTrue();
        assertThat(lastEvent(closed).closedAt()).isEqualTo(T0.plusSeconds(7200));
    }

    @Test
    void shouldMarkAClosureAfterTheDeadlineAsLate() {
        CaseFile fed = act(act(opened("e-4"), CaseAction.ACCEPT), CaseAction.FEEDBACK);

        CaseFile closed = act(fed, CaseAction.CLOSE, ActionInput.by("reviewer"), T0.plusSeconds(4 * 86_400));

        assertThat(lastEvent(closed).onTime()).isFalse();
    }

    @Test
    void shouldEscalateOneLevelAtATimeUpToTheCityAndNoFurther() {
        CaseFile toCity = act(opened("e-5"), CaseAction.ESCALATE);

        assertThat(toCity.state()).isEqualTo(CaseState.ESCALATED);
        assertThat(toCity.handling().level()).isEqualTo(AreaLevel.CITY);
        assertThat(toCity.handling().unitCode()).isEqualTo("150100");
        assertThat(lastEvent(toCity).level()).isEqualTo(AreaLevel.CITY);
        assertThat(lastEvent(toCity).description()).as("the text goes up with the case (for 12345)")
                .isEqualTo(reported("e-5").description());
        assertThat(lastEvent(act(toCity, CaseAction.ACCEPT)).description()).as("only on escalations").isNull();
        assertThatThrownBy(() -> act(toCity, CaseAction.ESCALATE))
                .isInstanceOf(InvalidActionException.class);
    }

    @Test
    void shouldRequireAReasonToReturnEscalateReworkSuspendOrInvalidate() {
        CaseFile routed = opened("e-6");

        for (CaseAction action : List.of(CaseAction.RETURN, CaseAction.ESCALATE, CaseAction.SUSPEND,
                CaseAction.INVALIDATE)) {
            assertThatThrownBy(() -> act(routed, action, ActionInput.by("op"), T0))
                    .as(action.wireName())
                    .isInstanceOf(InvalidActionException.class)
                    .extracting(e -> ((InvalidActionException) e).field()).isEqualTo("comment");
        }
    }

    @Test
    void shouldMoveTheDeadlineByTheApprovedWorkingDaysAcrossTheSpringFestival() {
        Instant due = Instant.parse("2026-02-13T02:00:00Z"); // Friday 10:00 in China
        CaseFile c = act(CaseFile.open("2026120615010500001", reported("e-7"), Optional.of(RoutingDecision.manual(DISTRICT_CENTRE)),
                deadlines(due), T0.minusSeconds(86_400)), CaseAction.ACCEPT);

        CaseFile requested = act(c, CaseAction.REQUEST_EXTENSION,
                extension("需协调供水公司", 2), T0);
        assertThat(requested.state()).isEqualTo(CaseState.EXTENSION_REQUESTED);
        assertThat(requested.paused().requestedExtensionDays()).isEqualTo(2);
        assertThat(lastEvent(requested).extensionWorkingDays()).isEqualTo(2);
        assertThat(lastEvent(requested).reason()).isEqualTo("需协调供水公司");

        CaseFile approved = act(requested, CaseAction.APPROVE_EXTENSION, ActionInput.by("leader"), T0);

        // 02-14 (调休 Saturday) and, after the holiday, 02-24.
        assertThat(approved.deadlines().closeBy()).isEqualTo(Instant.parse("2026-02-24T02:00:00Z"));
        assertThat(Duration.between(approved.deadlines().warnAt(), approved.deadlines().closeBy()))
                .isEqualTo(Duration.between(c.deadlines().warnAt(), c.deadlines().closeBy()));
        assertThat(approved.state()).as("back to where it was").isEqualTo(CaseState.ACCEPTED);
        assertThat(approved.paused()).isNull();
    }

    @Test
    void shouldRefuseAnExtensionOfNoDaysOrTooMany() {
        CaseFile accepted = act(opened("e-8"), CaseAction.ACCEPT);

        assertThatThrownBy(() -> act(accepted, CaseAction.REQUEST_EXTENSION,
                extension("理由", 0), T0)).isInstanceOf(InvalidActionException.class);
        assertThatThrownBy(() -> act(accepted, CaseAction.REQUEST_EXTENSION,
                extension("理由", 30), T0)).isInstanceOf(InvalidActionException.class);
    }

    @Test
    void shouldStopTheClockWhileSuspended() {
        CaseFile rework = act(act(act(opened("e-9"), CaseAction.ACCEPT), CaseAction.FEEDBACK), CaseAction.REWORK);
        CaseFile suspended = act(rework, CaseAction.SUSPEND, ActionInput.by("op", "等待法院判决"), T0);

        CaseFile resumed = act(suspended, CaseAction.RESUME, ActionInput.by("op"), T0.plus(Duration.ofHours(30)));

        assertThat(resumed.state()).isEqualTo(CaseState.REWORK);
        assertThat(resumed.deadlines().closeBy()).isEqualTo(rework.deadlines().closeBy().plus(Duration.ofHours(30)));
        assertThat(resumed.paused()).isNull();
    }

    @Test
    void shouldWarnThenSuperviseWithoutChangingTheState() {
        CaseFile accepted = act(opened("e-12"), CaseAction.ACCEPT);
        Instant afterWarn = accepted.deadlines().warnAt().plusSeconds(1);
        assertThat(accepted.needsWarning(afterWarn)).isTrue();
        assertThat(accepted.needsSupervision(afterWarn)).isFalse();

        CaseFile warned = accepted.warned(afterWarn).after();
        assertThat(warned.state()).isEqualTo(CaseState.ACCEPTED);
        assertThat(warned.needsWarning(afterWarn)).isFalse();
        assertThat(lastEvent(warned).action()).isEqualTo(CaseAction.WARN);
        assertThat(lastEvent(warned).fromState()).isEqualTo(CaseState.ACCEPTED);
        assertThat(lastEvent(warned).toState()).isEqualTo(CaseState.ACCEPTED);

        Instant late = warned.deadlines().closeBy().plusSeconds(1);
        HandlingUnit city = new HandlingUnit("150100", "市网格化服务管理中心", AreaLevel.CITY);
        CaseFile supervised = warned.overdue(late, city).after();
        assertThat(supervised.overdue()).isTrue();
        assertThat(supervised.needsSupervision(late)).isFalse();
        assertThat(lastEvent(supervised).action()).isEqualTo(CaseAction.OVERDUE);
        assertThat(lastEvent(supervised).reason()).contains("市网格化服务管理中心");
    }

    @Test
    void shouldNotWarnASuspendedCaseWhoseClockStandsStill() {
        CaseFile suspended = act(opened("e-13"), CaseAction.SUSPEND, ActionInput.by("op", "等待鉴定"), T0);

        assertThat(suspended.needsWarning(suspended.deadlines().closeBy().plusSeconds(10))).isFalse();
        assertThat(suspended.needsSupervision(suspended.deadlines().closeBy().plusSeconds(10))).isFalse();
    }

    @Test
    void shouldWatchAnExtendedDeadlineAfresh() {
        CaseFile accepted = act(opened("e-14"), CaseAction.ACCEPT);
        CaseFile warned = accepted.warned(accepted.deadlines().warnAt()).after();
        CaseFile requested = act(warned, CaseAction.REQUEST_EXTENSION, extension("理由", 3), T0);

        CaseFile approved = act(requested, CaseAction.APPROVE_EXTENSION, ActionInput.by("leader"), T0);

        assertThat(approved.warned()).isFalse();
        assertThat(approved.needsWarning(approved.deadlines().warnAt())).isTrue();
    }

    @Test
    void shouldMergeIntoAnotherCaseButNotIntoItself() {
        CaseFile c = opened("e-10");

        assertThat(act(c, CaseAction.MERGE, merge("e-99"), T0).mergedInto())
                .isEqualTo("e-99");
        assertThatThrownBy(() -> act(c, CaseAction.MERGE, merge("e-10"), T0))
                .isInstanceOf(InvalidActionException.class);
    }

    @Test
    void shouldRouteAReturnedCaseWhereTheOperatorSays() {
        CaseFile returned = act(opened("e-11"), CaseAction.RETURN, ActionInput.by("handler", "不属于本单位职责"), T0);

        HandlingUnit water = new HandlingUnit("150105-WATER", "赛罕区水务局", AreaLevel.DISTRICT);
        CaseFile rerouted = act(returned, CaseAction.ROUTE,
                ActionInput.by("op").routedBy(RoutingDecision.manual(water)), T0);

        assertThat(rerouted.state()).isEqualTo(CaseState.ROUTED);
        assertThat(rerouted.handling().unitName()).isEqualTo("赛罕区水务局");
        assertThat(rerouted.handling().routingRule()).as("a person chose").isNull();
    }

    @Test
    void shouldWaitAtTheTriageDeskWhenNoRuleRoutesIt() {
        CaseFile unrouted = CaseFile.open("2026120615010500001", reported("e-20"), Optional.empty(), deadlines(T0.plusSeconds(86_400)), T0);

        assertThat(unrouted.state()).isEqualTo(CaseState.REPORTED);
        assertThat(unrouted.handling().unitCode()).isEqualTo("150105-TRIAGE");
        assertThat(unrouted.handling().level()).as("the sub-category's first level").isEqualTo(AreaLevel.GRID);
        assertThat(unrouted.outbox()).hasSize(1);
        assertThatThrownBy(() -> act(unrouted, CaseAction.ROUTE, ActionInput.by("op"), T0))
                .isInstanceOf(InvalidActionException.class);

        RoutingDecision byRule = new RoutingDecision(DISTRICT_CENTRE, "disputes@v4");
        CaseFile routed = act(unrouted, CaseAction.ROUTE, ActionInput.by("op").routedBy(byRule), T0);
        assertThat(routed.handling().routingRule()).isEqualTo("disputes@v4");
        assertThat(lastEvent(routed).routingRule()).isEqualTo("disputes@v4");
        assertThat(routed.timeline().getLast().routingRule()).isEqualTo("disputes@v4");
    }

    @Test
    void shouldRecordTheRuleThatRoutedTheCaseWhenItOpens() {
        CaseFile opened = CaseFile.open("2026120615010500001", reported("e-21"),
                Optional.of(new RoutingDecision(DISTRICT_CENTRE, "centre-dispute@v1")), deadlines(T0), T0);

        CaseTransitioned route = lastEvent(opened);
        assertThat(route.action()).isEqualTo(CaseAction.ROUTE);
        assertThat(route.routingRule()).isEqualTo("centre-dispute@v1");
        assertThat(route.handlingUnitName()).isEqualTo("赛罕区网格化服务管理中心");
        assertThat(route.actorRole()).isEqualTo("SYSTEM");
        assertThat(route.subCategory()).isEqualTo("NEIGHBOUR_DISPUTE");
        assertThat(route.streetCode()).isEqualTo("150105001");
        assertThat(route.communityCode()).isEqualTo("150105001002");
        assertThat(opened.outbox().getFirst().transition().routingRule()).as("reporting decides nothing").isNull();
    }

    @Test
    void shouldNameWhoWorksTheCaseAndForgetThemWhenAnotherUnitTakesOver() {
        CaseFile claimed = act(opened("e-22"), CaseAction.CLAIM, ActionInput.by("handler-3"), T0);
        assertThat(claimed.state()).isEqualTo(CaseState.ROUTED);
        assertThat(claimed.handling().assignee()).isEqualTo("handler-3");

        assertThatThrownBy(() -> act(claimed, CaseAction.ASSIGN, ActionInput.by("lead"), T0))
                .isInstanceOf(InvalidActionException.class);
        CaseFile assigned = act(claimed, CaseAction.ASSIGN,
                new ActionInput("lead", "HANDLER", null, null, null, "handler-5", null, null), T0);
        assertThat(assigned.handling().assignee()).isEqualTo("handler-5");
        assertThat(assigned.timeline().getLast().assignee()).isEqualTo("handler-5");
        assertThat(assigned.timeline().getLast().role()).isEqualTo("HANDLER");

        HandlingUnit street = new HandlingUnit("150105001", "赛罕区某街道中心", AreaLevel.STREET);
        assertThatThrownBy(() -> act(assigned, CaseAction.REASSIGN,
                new ActionInput("op", "OPERATOR", null, null, null, null, RoutingDecision.manual(street), null), T0))
                .as("改派 needs a reason").isInstanceOf(InvalidActionException.class);
        CaseFile accepted = act(assigned, CaseAction.ACCEPT);
        CaseFile reassigned = act(accepted, CaseAction.REASSIGN,
                new ActionInput("op", "OPERATOR", "属街道职责", null, null, null, RoutingDecision.manual(street),
                        null), T0);
        assertThat(reassigned.state()).as("the new unit must accept again").isEqualTo(CaseState.ROUTED);
        assertThat(reassigned.handling().unitCode()).isEqualTo("150105001");
        assertThat(reassigned.handling().level()).isEqualTo(AreaLevel.STREET);
        assertThat(reassigned.handling().assignee()).isNull();
    }

    @Test
    void shouldRememberWhichUnitReturnedTheCase() {
        CaseFile opened = opened("e-23");
        assertThat(opened.returnedBy()).isEmpty();

        CaseFile returned = act(opened, CaseAction.RETURN, ActionInput.by("handler", "不属于本单位职责"), T0);

        assertThat(returned.returnedBy()).contains("150105");
        assertThat(returned.handling().unitCode()).as("back at the triage desk").isEqualTo("150105-TRIAGE");
    }

    @Test
    void shouldEscalateToTheUnitTheRulesNameAboveOrElseTheCentre() {
        CaseFile grid = CaseFile.open("2026120615010500001", reported("e-24"), Optional.of(RoutingDecision.manual(
                new HandlingUnit("150105001002003", "网格", AreaLevel.GRID))), deadlines(T0), T0);

        CaseFile toCentre = act(grid, CaseAction.ESCALATE, ActionInput.by("gw", "调解不成"), T0);
        assertThat(toCentre.handling().unitCode()).isEqualTo("150105001002");
        assertThat(toCentre.handling().level()).isEqualTo(AreaLevel.COMMUNITY);

        HandlingUnit mediation = new HandlingUnit("150105-MEDIATION", "赛罕区人民调解委员会", AreaLevel.DISTRICT);
        CaseFile toRuleUnit = act(grid, CaseAction.ESCALATE, ActionInput.by("gw", "调解不成")
                .routedBy(new RoutingDecision(mediation, "mediation@v2")), T0);
        assertThat(toRuleUnit.handling().unitCode()).isEqualTo("150105-MEDIATION");
        assertThat(lastEvent(toRuleUnit).routingRule()).isEqualTo("mediation@v2");
    }

    @Test
    void shouldCarryIntakesLikelyDuplicateToTheOperator() {
        CaseFile c = CaseFile.open("2026120615010500001", Reports.duplicateOf(reported("e-31"), "e-17"), Optional.empty(),
                deadlines(T0), T0);

        assertThat(c.report().likelyDuplicateOf()).isEqualTo("e-17");
        assertThat(c.timeline().getFirst().comment()).isEqualTo("疑似与案件 e-17 重复，可并单");
        assertThat(c.outbox().getFirst().transition().reason()).contains("e-17");
        assertThat(c.timeline().getFirst().photoIds()).as("the reporter's photos").hasSize(1);
        // Named by the number people quote, where the duplicate has one.
        CaseFile numbered = CaseFile.open("2026120615010500002", Reports.duplicateOf(reported("e-32"), "e-17"),
                Optional.empty(), deadlines(T0), T0, "2026120615010500001");
        assertThat(numbered.timeline().getFirst().comment()).isEqualTo("疑似与案件 2026120615010500001 重复，可并单");
    }

    @Test
    void shouldReopenAClosedCaseForTheSameUnitWithFreshDeadlinesAndCountItAsRework() {
        CaseFile closed = act(act(act(opened("e-30"), CaseAction.ACCEPT), CaseAction.FEEDBACK), CaseAction.CLOSE);
        assertThat(closed.closingSequence()).contains(closed.sequence());
        Instant later = T0.plus(Duration.ofDays(10));

        CaseFile reopened = act(closed, CaseAction.REOPEN, ActionInput.by("resident-1", "问题仍未解决"), later);

        assertThat(reopened.state()).isEqualTo(CaseState.ROUTED);
        assertThat(reopened.handling().unitCode()).isEqualTo(closed.handling().unitCode());
        assertThat(reopened.closedAt()).isNull();
        assertThat(reopened.closingSequence()).isEmpty();
        assertThat(reopened.reworkCount()).isEqualTo(closed.reworkCount() + 1);
        assertThat(reopened.deadlines().closeBy()).isEqualTo(later.plus(Duration.between(closed.report().reportedAt(), closed.deadlines().closeBy())));
        assertThat(reopened.needsSupervision(later.plusSeconds(1))).isFalse();
        assertThatThrownBy(() -> act(closed, CaseAction.REOPEN, ActionInput.by("resident-1"), later))
                .as("says why").isInstanceOf(InvalidActionException.class);
    }

    private static ActionInput extension(String reason, int days) {
        return new ActionInput("handler", "HANDLER", reason, days, null, null, null, null);
    }

    private static ActionInput merge(String into) {
        return new ActionInput("op", "OPERATOR", null, null, into, null, null, null);
    }
}
