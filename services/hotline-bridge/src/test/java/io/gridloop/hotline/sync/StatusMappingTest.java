package io.gridloop.hotline.sync;

import io.gridloop.contracts.area.AreaLevel;
import io.gridloop.contracts.event.CaseAction;
import io.gridloop.contracts.event.CaseState;
import io.gridloop.contracts.event.CaseTransitioned;
import io.gridloop.contracts.event.EventCategory;
import io.gridloop.contracts.event.ReportSource;
import io.gridloop.contracts.hotline.StatusSync;
import io.gridloop.contracts.hotline.SyncStatus;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class StatusMappingTest {

    static final Instant T0 = Instant.parse("2026-11-23T02:00:00Z");

    static CaseTransitioned t(int seq, String action, CaseState to, String reason, Integer days) {
        return new CaseTransitioned("c-1", seq, CaseAction.fromWireName(action).orElseThrow(), CaseState.ACCEPTED, to, "150105", "赛罕区", "150105001001003",
                EventCategory.LIVELIHOOD, ReportSource.HOTLINE_12345, T0, T0.plusSeconds(7 * 86_400),
                T0.plusSeconds(seq * 60L), "h-1", "150105001", AreaLevel.STREET, 0, reason, null, null, null, "STREETLIGHT",
                "150105001001", "大学东路社区", "150105001", "大学东路街道", "HANDLER", null, "大学东路街道办事处",
                T0.plusSeconds(86_400), null, null, null, days);
    }

    private static Optional<StatusSync> map(CaseTransitioned t, String feedback) {
        return StatusMapping.of(t, "GD1", new StatusMapping.Result(feedback, List.of()), false);
    }

    @Test
    void shouldReportAcceptanceWithTheUnitAndTheStepsSequence() {
        StatusSync sync = map(t(3, "accept", CaseState.ACCEPTED, null, null), null).orElseThrow();

        assertThat(sync.status()).isEqualTo(SyncStatus.ACCEPTED);
        assertThat(sync.statusLabel()).isEqualTo("签收受理");
        assertThat(sync.text()).isEqualTo("已签收受理（大学东路街道办事处）");
        assertThat(sync.syncId()).isEqualTo("c-1-3");
        assertThat(sync.sequence()).isEqualTo(3);
        assertThat(sync.orderNumber()).isEqualTo("GD1");
    }

    @Test
    void shouldReplyWithTheHandlersFeedbackWhenTheCaseCloses() {
        assertThat(map(t(6, "close", CaseState.CLOSED, "复核通过", null), "已更换灯泡，恢复照明"))
                .map(StatusSync::text).hasValue("已更换灯泡，恢复照明");
        assertThat(map(t(6, "close", CaseState.CLOSED, "复核通过", null), null))
                .map(StatusSync::text).as("no feedback text: the reviewer's").hasValue("复核通过");
        assertThat(map(t(6, "close", CaseState.CLOSED, null, null), null)).map(StatusSync::status)
                .hasValue(SyncStatus.REPLIED);
    }

    @Test
    void shouldGiveTheOrderBackWithTheReasonWhenTheCaseIsInvalidated() {
        StatusSync sync = map(t(4, "invalidate", CaseState.INVALID, "非网格事项，属医保政策咨询", null), null)
                .orElseThrow();

        assertThat(sync.status()).isEqualTo(SyncStatus.RETURNED);
        assertThat(sync.reason()).isEqualTo("非网格事项，属医保政策咨询");
    }

    @Test
    void shouldAskForTheExtensionsWorkingDays() {
        StatusSync sync = map(t(5, "request-extension", CaseState.EXTENSION_REQUESTED, "需协调供电公司", 3), null)
                .orElseThrow();

        assertThat(sync.status()).isEqualTo(SyncStatus.EXTENSION_REQUESTED);
        assertThat(sync.extensionWorkingDays()).isEqualTo(3);
        assertThat(sync.reason()).isEqualTo("需协调供电公司");
    }

    @Test
    void shouldReportTurnsOfTheHandlingAsInProgress() {
        for (String action : List.of("feedback", "rework", "reassign", "return", "escalate", "reopen",
                "approve-extension", "reject-extension")) {
            assertThat(map(t(4, action, CaseState.ROUTED, "原因", null), null)).as(action)
                    .map(StatusSync::status).hasValue(SyncStatus.IN_PROGRESS);
        }
        assertThat(map(t(4, "rework", CaseState.REWORK, "灯仍不亮", null), null)).map(StatusSync::text)
                .hasValue("复核不通过，重新办理：灯仍不亮");
    }

    @Test
    void shouldKeepInternalStepsAndTheHotlinesOwnVisitsToItself() {
        for (String action : List.of("report", "route", "claim", "assign", "warn", "overdue", "suspend", "resume",
                "merge", "visit")) {
            assertThat(map(t(2, action, CaseState.ROUTED, null, null), null)).as(action).isEmpty();
        }
    }
}
