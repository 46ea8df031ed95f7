package io.gridloop.dispatch.unit;

import io.gridloop.platform.problem.Refusal;
import io.gridloop.contracts.event.CaseAction;
import io.gridloop.dispatch.lifecycle.CaseFile;
import io.gridloop.dispatch.routing.RoutingDecision;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;

/**
 * A unit a person chose for a case (分流, 改派, 上报), checked against the directory: it must exist, be active,
 * serve the case's area and, for an escalation, sit exactly one level up. Names and levels come from the
 * directory, never from the request.
 */
@Component
public class UnitChoice {

    private final UnitDirectory units;

    UnitChoice(UnitDirectory units) {
        this.units = units;
    }

    /** The decision for sending {@code c} to the unit of {@code unitCode}; 422 problem+json if it may not go there. */
    public RoutingDecision decide(String unitCode, CaseAction action, CaseFile c) {
        Unit unit = units.find(unitCode).orElseThrow(() -> refused("UNKNOWN_UNIT", "处理单位不存在",
                "单位名录中没有编码为 " + unitCode + " 的单位；可选单位见 GET /api/v1/cases/" + c.id()
                        + "/units?action=" + action.wireName()));
        unit.refusalFor(action, c).ifPresent(why -> {
            throw refused(unit.active() ? "UNIT_NOT_ALLOWED" : "UNIT_INACTIVE", "不能选择该处理单位", why);
        });
        return RoutingDecision.manual(unit.handlingUnit());
    }

    /**
     * A feedback (反馈) of {@code c}'s unit carries the photos of the result the unit's entry asks for; 422
     * {@code FEEDBACK_PHOTOS_REQUIRED} otherwise. A unit not in the directory asks for none.
     */
    public void checkFeedback(CaseFile c, int photos) {
        units.find(c.handling().unitCode()).flatMap(u -> u.feedbackRefusal(photos)).ifPresent(why -> {
            throw Refusal.invalid("FEEDBACK_PHOTOS_REQUIRED", "缺少办结照片", why)
                    .with("errors", List.of(Map.of("field", "photoIds", "code", "Invalid", "message", why)));
        });
    }

    /**
     * An assignment (指派) names a person the handling unit registered; 422 {@code ASSIGNEE_NOT_MEMBER} otherwise.
     * A unit not in the directory keeps no list, and asks for none.
     */
    public void checkAssignee(CaseFile c, String assignee) {
        units.find(c.handling().unitCode()).flatMap(u -> u.assigneeRefusal(assignee)).ifPresent(why -> {
            throw Refusal.invalid("ASSIGNEE_NOT_MEMBER", "承办人不在本单位名单中", why)
                    .with("errors", List.of(Map.of("field", "assignee", "code", "Invalid", "message", why)));
        });
    }

    private static Refusal refused(String code, String title, String detail) {
        return Refusal.invalid(code, title, detail)
                .with("errors", List.of(Map.of("field", "unitCode", "code", "Invalid", "message", detail)));
    }
}
