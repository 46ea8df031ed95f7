package io.gridloop.dispatch.lifecycle;

import io.gridloop.contracts.event.CaseState;
import io.gridloop.contracts.event.EventCategory;
import io.gridloop.contracts.event.EventReported;
import io.gridloop.contracts.event.ReportSource;
import io.gridloop.dispatch.deadline.Deadlines;
import io.gridloop.dispatch.routing.HandlingUnit;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CaseFileTest {

    static final Instant T0 = Instant.parse("2026-03-02T01:30:00Z");

    static EventReported reported(String id) {
        return new EventReported(id, "c-" + id, "gw-1", ReportSource.GRID_PATROL, EventCategory.DISPUTE,
                "150105001001003", "150105", "赛罕区", "邻里噪音纠纷", null, T0.minusSeconds(60), T0);
    }

    static Deadlines deadlines(Instant closeBy) {
        return new Deadlines(closeBy, closeBy, closeBy);
    }

    @Test
    void shouldOpenARoutedCaseWithBothTransitionsWaitingInItsOutbox() {
        CaseFile opened = CaseFile.open(reported("e-1"), new HandlingUnit("150105", "赛罕区网格化服务管理中心"),
                deadlines(T0.plusSeconds(3 * 86_400)), T0.plusSeconds(1));

        assertThat(opened.id()).isEqualTo("e-1");
        assertThat(opened.state()).isEqualTo(CaseState.ROUTED);
        assertThat(opened.sequence()).isEqualTo(2);
        assertThat(opened.outbox()).extracting(OutboxEntry::eventId).containsExactly("e-1-1", "e-1-2");
        var report = opened.outbox().get(0).transition();
        var route = opened.outbox().get(1).transition();
        assertThat(report.fromState()).isNull();
        assertThat(report.toState()).isEqualTo(CaseState.REPORTED);
        assertThat(report.handlingUnit()).isNull();
        assertThat(route.fromState()).isEqualTo(CaseState.REPORTED);
        assertThat(route.toState()).isEqualTo(CaseState.ROUTED);
        assertThat(route.handlingUnit()).isEqualTo("150105");
        assertThat(route.dueAt()).isEqualTo(T0.plusSeconds(3 * 86_400));
        assertThat(route.districtName()).isEqualTo("赛罕区");
    }

    @Test
    void shouldNumberEachFurtherTransitionAndKeepItsHistory() {
        CaseFile c = CaseFile.open(reported("e-2"), new HandlingUnit("150105", "x"), deadlines(T0), T0);

        CaseFile accepted = c.with(c.next(CaseAction.ACCEPT, "handler-7", "已到现场", T0.plusSeconds(60)));

        assertThat(accepted.state()).isEqualTo(CaseState.ACCEPTED);
        assertThat(accepted.version()).isEqualTo(c.version() + 1);
        assertThat(accepted.timeline()).last().satisfies(e -> {
            assertThat(e.sequence()).isEqualTo(3);
            assertThat(e.actor()).isEqualTo("handler-7");
            assertThat(e.comment()).isEqualTo("已到现场");
        });
        assertThat(accepted.outbox()).last().extracting(OutboxEntry::eventId).isEqualTo("e-2-3");
    }

    @Test
    void shouldRefuseToCloseACaseNobodyHandled() {
        CaseFile c = CaseFile.open(reported("e-3"), new HandlingUnit("150105", "x"), deadlines(T0), T0);

        assertThatThrownBy(() -> c.next(CaseAction.CLOSE, "op", null, T0))
                .isInstanceOf(IllegalTransitionException.class);
    }
}
