package io.gridloop.stats.counting;

import io.gridloop.contracts.event.CaseAction;
import io.gridloop.contracts.area.AreaLevel;
import io.gridloop.contracts.event.CaseState;
import io.gridloop.contracts.event.CaseTransitioned;
import io.gridloop.contracts.event.EventCategory;
import io.gridloop.contracts.event.ReportSource;
import io.gridloop.contracts.event.VisitResolution;
import io.gridloop.contracts.event.VisitSatisfaction;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ContributionTest {

    static final Instant T0 = Instant.parse("2026-03-02T01:30:00Z");  // 09:30 in Beijing, 2 March
    static final String DIMS = "HAZARD|HOTLINE_12345";

    private int seq;
    private CaseFacts facts;
    private Instant closedAt;

    private CaseTransitioned t(String action, CaseState from, CaseState to, Instant at, Instant dueAt) {
        return t(action, from, to, at, dueAt, null, null);
    }

    private CaseTransitioned t(String action, CaseState from, CaseState to, Instant at, Instant dueAt,
                               VisitResolution resolution, VisitSatisfaction satisfaction) {
        // As dispatch sends them: closing says when and whether on time; a later transition of the closed case
        // (the 12345 return visit) repeats when it was closed, and says nothing of on time.
        boolean closes = "close".equals(action);
        if (closes) {
            closedAt = at;
        }
        Instant closedAtNow = to == CaseState.CLOSED ? closedAt : null;
        return new CaseTransitioned("c1", ++seq, CaseAction.fromWireName(action).orElseThrow(), from, to, "150105", "赛罕区", "150105001001003",
                EventCategory.HAZARD, ReportSource.HOTLINE_12345, T0, dueAt, at, "u", "150105001", AreaLevel.STREET, 0, null,
                closedAtNow, closes ? !at.isAfter(dueAt) : null, null, "MANHOLE", "150105001001", "大学东路社区",
                "150105001", "大学东路街道", "HANDLER", null, "单位", T0.plus(Duration.ofDays(1)), resolution,
                satisfaction, null, null);
    }

    private Map<String, CellDelta> step(String action, CaseState from, CaseState to, Instant at, Instant dueAt) {
        CaseFacts before = facts;
        facts = CaseFacts.fold(before, t(action, from, to, at, dueAt));
        return Contribution.delta(before, facts);
    }

    private static Long field(Map<String, CellDelta> delta, String cell, String measure) {
        CellDelta d = delta.get(cell);
        return d == null ? null : d.fields().get(DIMS + "." + measure);
    }

    @Test
    void shouldFileAReportUnderItsDayAndMonthAtEveryLevelAndAsOpenNow() {
        Instant due = T0.plus(Duration.ofDays(3));
        Map<String, CellDelta> d = step("report", null, CaseState.REPORTED, T0, due);

        for (String area : new String[] {"150100", "150105", "150105001", "150105001001", "150105001001003"}) {
            assertThat(field(d, area + "|2026-03-02", "reported")).isEqualTo(1);
            assertThat(field(d, area + "|2026-03", "reported")).isEqualTo(1);
            assertThat(field(d, area + "|2026-03", "hotlineOrders")).isEqualTo(1);
            assertThat(field(d, area + "|2026-03-05", "due")).isEqualTo(1);
            assertThat(field(d, area + "|live", "open")).isEqualTo(1);
        }
        assertThat(d.get("150105|2026-03-02").cell().area().parentCode()).isEqualTo("150100");
        assertThat(d.get("150105001001003|live").cell().area().parentCode()).isEqualTo("150105001001");
    }

    @Test
    void shouldCountACaseFiledUnderTheCitysOwnCodeOnceNotAsCityAndAgainAsDistrict() {
        // Found as an intermittent "every count doubled" in the flow tests, whose random districts sometimes
        // ended in 00: then the district's cells were its city's cells, and took each case twice.
        CaseTransitioned cityWide = t("report", null, CaseState.REPORTED, T0, T0.plus(Duration.ofDays(3)));
        CaseTransitioned asCity = new CaseTransitioned(cityWide.caseId(), cityWide.sequence(), cityWide.action(),
                null, cityWide.toState(), "150100", "市辖区", null, cityWide.category(), cityWide.source(),
                cityWide.reportedAt(), cityWide.dueAt(), cityWide.occurredAt(), "u", "150100", AreaLevel.CITY, 0, null, null,
                null, null, "MANHOLE", null, null, null, null, "HANDLER", null, "单位", cityWide.acceptBy(), null,
                null, null, null);

        Map<String, CellDelta> d = Contribution.delta(null, CaseFacts.fold(null, asCity));

        assertThat(field(d, "150100|2026-03-02", "reported")).isEqualTo(1);
        assertThat(field(d, "150100|live", "open")).isEqualTo(1);
        assertThat(d.get("150100|2026-03").cell().area().level()).isEqualTo(AreaLevel.CITY);
    }

    @Test
    void shouldCountAClosureOnTimeWithItsHandlingTimeAndLeaveOpenNow() {
        Instant due = T0.plus(Duration.ofDays(3));
        step("report", null, CaseState.REPORTED, T0, due);
        step("accept", CaseState.ROUTED, CaseState.ACCEPTED, T0.plus(Duration.ofHours(2)), due);
        Map<String, CellDelta> d = step("close", CaseState.FEEDBACK_SUBMITTED, CaseState.CLOSED,
                T0.plus(Duration.ofHours(30)), due);

        assertThat(field(d, "150105|2026-03", "closed")).isEqualTo(1);
        assertThat(field(d, "150105|2026-03", "closedOnTime")).isEqualTo(1);
        assertThat(field(d, "150105|2026-03", "handlingSeconds")).isEqualTo(30 * 3600);
        assertThat(field(d, "150105|2026-03-05", "dueClosed")).isEqualTo(1);
        assertThat(field(d, "150105|live", "open")).isEqualTo(-1);
        assertThat(field(d, "150105|2026-03", "reported")).as("a closure is no new report").isNull();
        assertThat(d.get("150105|2026-03").fields())
                .containsEntry(DIMS + ".h." + HandlingTime.bucketOf(Duration.ofHours(30)), 1L);
        assertThat(facts.respondedInTime()).isTrue();
    }

    @Test
    void shouldTakeTheClosureBackWhenTheCaseIsReopened() {
        Instant due = T0.plus(Duration.ofDays(3));
        step("report", null, CaseState.REPORTED, T0, due);
        step("close", CaseState.FEEDBACK_SUBMITTED, CaseState.CLOSED, T0.plus(Duration.ofHours(5)), due);
        Instant newDue = T0.plus(Duration.ofDays(10));
        Map<String, CellDelta> d = step("reopen", CaseState.CLOSED, CaseState.ROUTED, T0.plus(Duration.ofDays(7)),
                newDue);

        assertThat(field(d, "150105|2026-03", "closed")).isEqualTo(-1);
        assertThat(field(d, "150105|2026-03", "handlingSeconds")).isEqualTo(-5 * 3600);
        assertThat(field(d, "150105|2026-03-05", "due")).as("the old deadline's cohort loses it").isEqualTo(-1);
        assertThat(field(d, "150105|2026-03-12", "due")).as("the new deadline's cohort gains it").isEqualTo(1);
        assertThat(field(d, "150105|live", "open")).isEqualTo(1);
    }

    @Test
    void shouldCountOverdueNowUntilTheDeadlineMovesOrTheCaseEnds() {
        Instant due = T0.plus(Duration.ofDays(3));
        step("report", null, CaseState.REPORTED, T0, due);
        step("accept", CaseState.ROUTED, CaseState.ACCEPTED, T0.plus(Duration.ofDays(2)), due);
        Map<String, CellDelta> overdue = step("overdue", CaseState.ACCEPTED, CaseState.ACCEPTED,
                due.plusSeconds(1), due);
        assertThat(field(overdue, "150105|live", "overdueNow")).isEqualTo(1);
        assertThat(facts.respondedInTime()).as("accepted after the 1-day response deadline").isFalse();

        step("request-extension", CaseState.ACCEPTED, CaseState.EXTENSION_REQUESTED, due.plusSeconds(60), due);
        assertThat(facts.overdue()).as("asking does not move the deadline").isTrue();
        Map<String, CellDelta> approved = step("approve-extension", CaseState.EXTENSION_REQUESTED,
                CaseState.ACCEPTED, due.plusSeconds(120), due.plus(Duration.ofDays(2)));
        assertThat(field(approved, "150105|live", "overdueNow")).isEqualTo(-1);
        assertThat(field(approved, "150105|2026-03", "extended")).isEqualTo(1);
    }

    @Test
    void shouldDropAMergedCaseFromTheCasesDueButKeepItReported() {
        Instant due = T0.plus(Duration.ofDays(3));
        step("report", null, CaseState.REPORTED, T0, due);
        Map<String, CellDelta> d = step("merge", CaseState.REPORTED, CaseState.MERGED, T0.plusSeconds(60), due);

        assertThat(field(d, "150105|2026-03-05", "due")).isEqualTo(-1);
        assertThat(field(d, "150105|2026-03", "merged")).isEqualTo(1);
        assertThat(field(d, "150105|2026-03", "reported")).isNull();
        assertThat(field(d, "150105|live", "open")).isEqualTo(-1);
    }

    @Test
    void shouldAddBothCohortsWhenACaseIsReportedAndDueOnTheSameDay() {
        Map<String, CellDelta> d = step("report", null, CaseState.REPORTED, T0, T0.plus(Duration.ofHours(4)));

        assertThat(field(d, "150105|2026-03-02", "reported")).isEqualTo(1);
        assertThat(field(d, "150105|2026-03-02", "due")).isEqualTo(1);
        assertThat(field(d, "150105|2026-03", "due")).isEqualTo(1);
    }

    @Test
    void shouldCountTheLatestReturnVisitOfAHotlineCase() {
        Instant due = T0.plus(Duration.ofDays(3));
        step("report", null, CaseState.REPORTED, T0, due);
        step("close", CaseState.FEEDBACK_SUBMITTED, CaseState.CLOSED, T0.plus(Duration.ofHours(5)), due);
        CaseFacts before = facts;
        facts = CaseFacts.fold(before, t("visit", CaseState.CLOSED, CaseState.CLOSED, T0.plus(Duration.ofDays(1)),
                due, VisitResolution.RESOLVED, VisitSatisfaction.BASICALLY_SATISFIED));
        Map<String, CellDelta> first = Contribution.delta(before, facts);

        assertThat(field(first, "150105|2026-03", "visited")).isEqualTo(1);
        assertThat(field(first, "150105|2026-03", "resolved")).isEqualTo(1);
        assertThat(field(first, "150105|2026-03", "rated")).isEqualTo(1);
        assertThat(field(first, "150105|2026-03", "basicallySatisfied")).isEqualTo(1);
        assertThat(field(first, "150105|2026-03", "closed")).as("a visit changes no closure").isNull();
        assertThat(field(first, "150105|2026-03", "closedOnTime")).as("nor whether it was on time").isNull();
        assertThat(facts.closedOnTime()).isTrue();
        assertThat(facts.closedAt()).isEqualTo(T0.plus(Duration.ofHours(5)));

        before = facts;
        facts = CaseFacts.fold(before, t("visit", CaseState.CLOSED, CaseState.CLOSED, T0.plus(Duration.ofDays(2)),
                due, VisitResolution.UNRESOLVED, VisitSatisfaction.UNSATISFIED));
        Map<String, CellDelta> second = Contribution.delta(before, facts);

        assertThat(field(second, "150105|2026-03", "visited")).as("still one visited case").isNull();
        assertThat(field(second, "150105|2026-03", "resolved")).isEqualTo(-1);
        assertThat(field(second, "150105|2026-03", "basicallySatisfied")).isEqualTo(-1);
        assertThat(field(second, "150105|2026-03", "unsatisfied")).isEqualTo(1);
        assertThat(field(second, "150105|2026-03", "closedOnTime")).isNull();

        CaseFacts later = CaseFacts.fold(facts, t("reopen", CaseState.CLOSED, CaseState.ROUTED,
                T0.plus(Duration.ofDays(2)), due.plus(Duration.ofDays(3))));
        assertThat(later.visitSatisfaction()).as("kept through later transitions")
                .isEqualTo(VisitSatisfaction.UNSATISFIED);
    }

    @Test
    void shouldUseBeijingDays() {
        Instant lateEveningUtc = Instant.parse("2026-03-31T17:00:00Z");  // 1 April, 01:00 in Beijing
        assertThat(CellKey.day(lateEveningUtc)).isEqualTo("2026-04-01");
        assertThat(CellKey.month(lateEveningUtc)).isEqualTo("2026-04");
    }

    @Test
    void shouldIgnoreATransitionAlreadyFolded() {
        step("report", null, CaseState.REPORTED, T0, T0.plus(Duration.ofDays(3)));
        CaseTransitioned again = t("report", null, CaseState.REPORTED, T0, T0.plus(Duration.ofDays(3)));
        CaseTransitioned sameSequence = new CaseTransitioned("c1", 1, CaseAction.REPORT, null, CaseState.REPORTED,
                again.districtCode(), again.districtName(), again.gridCode(), again.category(), again.source(),
                again.reportedAt(), again.dueAt(), again.occurredAt(), again.actor(), again.handlingUnit(),
                again.level(), 0, null, null, null, null, null, again.communityCode(), again.communityName(),
                again.streetCode(), again.streetName(), again.actorRole(), null, null, again.acceptBy(), null, null,
                null, null);

        assertThat(facts.isBehind(sameSequence)).isFalse();
        assertThat(facts.isBehind(again)).as("sequence 2 is news").isTrue();
    }

    @Test
    void shouldCountAGridWorkersReportInTheirOwnMonthAndItsClosingInTheGridAsClosedInGrid() {
        Instant due = T0.plus(Duration.ofDays(3));
        CaseTransitioned reported = new CaseTransitioned("w1", 1, CaseAction.REPORT, null, CaseState.REPORTED,
                "150105", "赛罕区", "150105001001003", EventCategory.DISPUTE, ReportSource.GRID_PATROL, T0, due, T0,
                "system", "150105001001003", AreaLevel.GRID, 0, null, null, null, null, null, "150105001001", "大学东路社区",
                "150105001", "大学东路街道", "SYSTEM", null, "网格", null, null, null, null, null, java.util.List.of(), null,
                "gw-01");
        CaseFacts first = CaseFacts.fold(null, reported);
        Map<String, CellDelta> opened = Contribution.delta(null, first);

        String own = AreaRef.gridWorkerCode("gw-01") + "|2026-03";
        assertThat(opened.get(own).fields()).containsEntry("DISPUTE|GRID_PATROL.reported", 1L);
        assertThat(opened.get(own).cell().area().isArea()).isFalse();
        // The worker has a month, not days or a live cell.
        assertThat(opened.keySet()).noneMatch(id -> id.startsWith(AreaRef.gridWorkerCode("gw-01") + "|2026-03-"))
                .doesNotContain(AreaRef.gridWorkerCode("gw-01") + "|live");

        // A later transition that does not repeat the reporter keeps it; closing while the grid has it is 网格内办结.
        CaseTransitioned closed = new CaseTransitioned("w1", 2, CaseAction.CLOSE, CaseState.FEEDBACK_SUBMITTED,
                CaseState.CLOSED, "150105", "赛罕区", "150105001001003", EventCategory.DISPUTE, ReportSource.GRID_PATROL,
                T0, due, T0.plusSeconds(3600), "gw-01", "150105001001003", AreaLevel.GRID, 0, null,
                T0.plusSeconds(3600), true, null, null, "150105001001", "大学东路社区", "150105001", "大学东路街道",
                "GRID_WORKER", null, "网格", null, null, null, null, null);
        CaseFacts second = CaseFacts.fold(first, closed);
        Map<String, CellDelta> closing = Contribution.delta(first, second);
        assertThat(closing.get(own).fields()).containsEntry("DISPUTE|GRID_PATROL.closedInGrid", 1L)
                .containsEntry("DISPUTE|GRID_PATROL.closedOnTime", 1L);
        assertThat(closing.get("150105|2026-03").fields()).containsEntry("DISPUTE|GRID_PATROL.closedInGrid", 1L);
    }
}
