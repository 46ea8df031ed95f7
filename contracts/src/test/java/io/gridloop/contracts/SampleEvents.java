package io.gridloop.contracts;

import io.gridloop.contracts.event.CaseAction;
import io.gridloop.contracts.event.CaseState;
import io.gridloop.contracts.event.CaseTransitioned;
import io.gridloop.contracts.event.Complexity;
import io.gridloop.contracts.event.DistrictCompletionSnapshot;
import io.gridloop.contracts.event.EventCategory;
import io.gridloop.contracts.event.EventReported;
import io.gridloop.contracts.event.GeoPoint;
import io.gridloop.contracts.area.AreaLevel;
import io.gridloop.contracts.event.AreaRegistered;
import io.gridloop.contracts.event.PatrolKind;
import io.gridloop.contracts.event.PatrolRecorded;
import io.gridloop.contracts.event.HotlineExtensionDecided;
import io.gridloop.contracts.event.HotlineOrderDeclined;
import io.gridloop.contracts.event.HotlineOrderReceived;
import io.gridloop.contracts.event.HotlineVisitRecorded;
import io.gridloop.contracts.event.VisitResolution;
import io.gridloop.contracts.event.VisitSatisfaction;
import io.gridloop.contracts.event.ReopenRequested;
import io.gridloop.contracts.event.ReportSource;
import io.gridloop.contracts.event.Urgency;

import java.time.Instant;
import java.util.List;

/** One realistic envelope per topic, as the producing service would write it. */
final class SampleEvents {

    static final Instant T0 = Instant.parse("2026-03-02T01:30:00Z");

    static EventEnvelope<?> sampleFor(Topic<?> topic) {
        return switch (topic.name()) {
            case "grid.event.reported.v1" -> EventEnvelope.of(Topics.EVENT_REPORTED, ServiceNames.INTAKE, T0,
                    "e-1", eventReported());
            case "grid.case.transitioned.v1" -> EventEnvelope.of(Topics.CASE_TRANSITIONED, "e-1-2",
                    ServiceNames.DISPATCH, T0, "e-1", caseTransitioned());
            case "grid.stats.district.v1" -> EventEnvelope.of(Topics.DISTRICT_STATS, ServiceNames.STATS, T0,
                    "150105", new DistrictCompletionSnapshot("150105", "赛罕区", 40, 37, 0.925, T0, "2026", 35,
                            35.0 / 37, 2, 3, java.util.List.of(
                            new DistrictCompletionSnapshot.Month("2026-10", 12, 12, 1.0),
                            new DistrictCompletionSnapshot.Month("2026-11", 0, 0, null))));
            case "grid.hotline.order.received.v1" -> EventEnvelope.of(Topics.HOTLINE_ORDER_RECEIVED,
                    ServiceNames.HOTLINE_BRIDGE, T0, "GD20260302000117", new HotlineOrderReceived(
                            "GD20260302000117", "e-1", "主办", List.of("城乡建设", "市政设施", "路灯不亮"),
                            "小区门口路灯连续三晚不亮", "赛罕区大学东街", new GeoPoint(40.8114, 111.6876),
                            "150105001001003", "一般", T0.plusSeconds(7 * 86_400), T0, null));
            case "grid.event.reopen-requested.v1" -> EventEnvelope.of(Topics.REOPEN_REQUESTED, "e-1-reopen-7",
                    ServiceNames.INTAKE, T0, "e-1", new ReopenRequested("e-1", "gw-150105-0042", "杂物仍未清理", 7, T0, "operator-saihan", "OPERATOR"));
            case "grid.hotline.order.declined.v1" -> EventEnvelope.of(Topics.HOTLINE_ORDER_DECLINED,
                    "GD20260302000118-declined", ServiceNames.INTAKE, T0, "e-2", new HotlineOrderDeclined("e-2",
                            "GD20260302000118", "工单地址不在本平台任何网格内，请核实后重新派单", T0));
            case "grid.hotline.extension.decided.v1" -> EventEnvelope.of(Topics.HOTLINE_EXTENSION_DECIDED,
                    "YQ-GD20260302000117-1", ServiceNames.HOTLINE_BRIDGE, T0, "e-1", new HotlineExtensionDecided("e-1",
                            "GD20260302000117", 9, true, T0.plusSeconds(10 * 86_400), "同意延期至下周五",
                            "YQ-GD20260302000117-1", T0));
            case "grid.hotline.visit.recorded.v1" -> EventEnvelope.of(Topics.HOTLINE_VISIT_RECORDED, "visit-GD1",
                    ServiceNames.HOTLINE_BRIDGE, T0, "e-1", new HotlineVisitRecorded("e-1", "GD20260302000117",
                            VisitResolution.RESOLVED, VisitSatisfaction.BASICALLY_SATISFIED, "修好了，就是慢了点",
                            "agent-07", T0));
            case "grid.area.registered.v1" -> EventEnvelope.of(Topics.AREA_REGISTERED, "150105001002@0",
                    ServiceNames.INTAKE, T0, "150105001002", new AreaRegistered("150105001002", "大学东路社区",
                            AreaLevel.COMMUNITY, "150105001", true, T0));
            case "grid.patrol.recorded.v1" -> EventEnvelope.of(Topics.PATROL_RECORDED, "pt-1", ServiceNames.INTAKE,
                    T0, "pt-1", new PatrolRecorded("pt-1", "app-p-9", "gw-150105-0042", PatrolKind.HOUSEHOLD_VISIT,
                            "150105001002001", "大学东路社区第1网格", "150105001002", "150105001", "150105", "赛罕区",
                            T0.minusSeconds(3_600), T0, "走访独居老人3户，均安好", List.of(new GeoPoint(40.81, 111.70)),
                            List.of(), T0));
            default -> throw new IllegalArgumentException("no sample for " + topic.name() + ": add one");
        };
    }

    static EventReported eventReported() {
        return new EventReported("e-1", "app-7f3a", "gw-150105-0042", ReportSource.GRID_PATROL,
                EventCategory.HAZARD, "FIRE_SAFETY", "消防安全隐患", Complexity.COMPLEX, AreaLevel.STREET,
                Urgency.URGENT, "150105001001003", "150105001001", "大学东路社区", "150105001", "大学东路街道",
                "150105", "赛罕区", "楼道堆放杂物，堵塞消防通道", new GeoPoint(40.8114, 111.6876),
                T0.minusSeconds(600), T0, T0.plusSeconds(86_400), "e-0",
                List.of("p" + "0123456789abcdef".repeat(4)));
    }

    static CaseTransitioned caseTransitioned() {
        return new CaseTransitioned("e-1", 2, CaseAction.ROUTE, CaseState.REPORTED, CaseState.ROUTED, "150105", "赛罕区",
                "150105001001003", EventCategory.HAZARD, ReportSource.GRID_PATROL, T0, T0.plusSeconds(3 * 86_400),
                T0.plusSeconds(1), "system", "150105001", AreaLevel.DISTRICT, 0, null, null, null, null, "FIRE_SAFETY",
                "150105001001", null, "150105001", null, "SYSTEM", "fire-street@v3", "赛罕区大学东路街道网格化服务管理中心", null, null, null, null, null);
    }

    /** A closure with every optional field set, so the schema is checked for those too. */
    static CaseTransitioned caseClosed() {
        return new CaseTransitioned("e-1", 7, CaseAction.CLOSE, CaseState.FEEDBACK_SUBMITTED, CaseState.CLOSED, "150105",
                "赛罕区", "150105001001003", EventCategory.HAZARD, ReportSource.GRID_PATROL, T0,
                T0.plusSeconds(3 * 86_400), T0.plusSeconds(7200), "reviewer-3", "150105", AreaLevel.DISTRICT, 1,
                "复核通过", T0.plusSeconds(7200), true, null, "FIRE_SAFETY", "150105001001", "大学东路社区",
                "150105001", "大学东路街道", "REVIEWER", null, null, T0.plusSeconds(86_400),
                VisitResolution.PARTLY_RESOLVED, VisitSatisfaction.UNSATISFIED, "楼道堆放杂物，堵塞消防通道", 3,
                List.of("p" + "fedcba9876543210".repeat(4)), "2026120615010500123", "gw-saihan-01");
    }

    private SampleEvents() {
    }
}
