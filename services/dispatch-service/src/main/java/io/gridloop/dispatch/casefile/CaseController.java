package io.gridloop.dispatch.casefile;

import io.gridloop.contracts.event.CaseState;
import io.gridloop.dispatch.lifecycle.ActionInput;
import io.gridloop.dispatch.lifecycle.CaseAction;
import io.gridloop.dispatch.lifecycle.CaseFile;
import io.gridloop.dispatch.lifecycle.TimelineEntry;
import io.gridloop.dispatch.routing.HandlingLevel;
import io.gridloop.dispatch.routing.HandlingUnit;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;

/** Case detail and every action of the loop: {@code POST /api/v1/cases/{id}/actions/{action}}. */
@RestController
@RequestMapping("/api/v1/cases")
class CaseController {

    private final CaseWork work;

    CaseController(CaseWork work) {
        this.work = work;
    }

    /**
     * Who acts and why. Until sign-in exists the actor is taken on trust.
     *
     * @param comment              a remark, and the reason for actions that need one
     * @param extensionWorkingDays for {@code request-extension}
     * @param mergeInto            for {@code merge}: the case this one duplicates
     * @param unitCode             for {@code route}: the unit to route a returned case to (with {@code unitName})
     */
    record ActionRequest(@Size(max = 64, message = "长度不能超过64") String actor,
                         @Size(max = 2000, message = "长度不能超过2000字") String comment,
                         Integer extensionWorkingDays,
                         @Size(max = 64, message = "长度不能超过64") String mergeInto,
                         @Size(max = 32, message = "长度不能超过32") String unitCode,
                         @Size(max = 100, message = "长度不能超过100") String unitName,
                         HandlingLevel unitLevel) {

        ActionInput toInput() {
            String who = actor == null || actor.isBlank() ? "anonymous" : actor;
            HandlingUnit unit = unitCode == null ? null
                    : new HandlingUnit(unitCode, unitName == null ? unitCode : unitName,
                    unitLevel == null ? HandlingLevel.DISTRICT : unitLevel);
            return new ActionInput(who, comment, extensionWorkingDays, mergeInto, unit);
        }
    }

    @GetMapping("/{caseId}")
    CaseView get(@PathVariable String caseId) {
        return CaseView.of(work.get(caseId));
    }

    @GetMapping("/{caseId}/timeline")
    List<TimelineEntry> timeline(@PathVariable String caseId) {
        return work.get(caseId).timeline();
    }

    @PostMapping("/{caseId}/actions/{action}")
    CaseView act(@PathVariable String caseId, @PathVariable String action,
                 @Valid @RequestBody(required = false) ActionRequest request) {
        ActionInput input = request == null ? ActionInput.by("anonymous") : request.toInput();
        return CaseView.of(work.act(caseId, action, input));
    }

    /** A case as operators see it, with Chinese labels beside the codes. */
    record CaseView(String caseId, CaseState state, String stateLabel, String districtCode, String districtName,
                    String gridCode, String category, String categoryLabel, String source, String sourceLabel,
                    String description, Instant reportedAt, Instant acceptBy, Instant dueAt, Instant warnAt,
                    String handlingUnit, String handlingUnitName, HandlingLevel level, String levelLabel,
                    int reworkCount, Integer requestedExtensionDays, String mergedInto, Instant closedAt,
                    boolean warned, boolean overdue, List<String> allowedActions, List<TimelineEntry> timeline) {
        static CaseView of(CaseFile c) {
            return new CaseView(c.id(), c.state(), c.state().label(), c.districtCode(), c.districtName(),
                    c.gridCode(), c.category().name(), c.category().label(), c.source().name(), c.source().label(),
                    c.description(), c.reportedAt(), c.acceptBy(), c.dueAt(), c.warnAt(), c.handlingUnit(),
                    c.handlingUnitName(), c.level(), c.level() == null ? null : c.level().label(), c.reworkCount(),
                    c.requestedExtensionDays(), c.mergedInto(), c.closedAt(), c.warned(), c.overdue(),
                    c.allowedActions().stream().map(CaseAction::wireName).sorted().toList(), c.timeline());
        }
    }
}
