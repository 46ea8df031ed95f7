package io.gridloop.dispatch.casefile;

import io.gridloop.dispatch.access.CaseAccess;
import io.gridloop.platform.security.Caller;
import io.gridloop.contracts.event.CaseState;
import io.gridloop.contracts.event.HandlingLevel;
import io.gridloop.dispatch.lifecycle.ActionInput;
import io.gridloop.dispatch.lifecycle.CaseAction;
import io.gridloop.dispatch.lifecycle.CaseFile;
import io.gridloop.dispatch.lifecycle.TimelineEntry;
import io.gridloop.contracts.event.HandlingLevel;
import io.gridloop.dispatch.routing.HandlingUnit;
import io.gridloop.dispatch.routing.RoutingDecision;
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
     * What an action needs besides who takes it: the actor and the role they act in come from their token.
     *
     * @param comment              a remark, and the reason for actions that need one
     * @param extensionWorkingDays for {@code request-extension}
     * @param mergeInto            for {@code merge}: the case this one duplicates
     * @param assignee             for {@code assign}: the person who is to work the case
     * @param unitCode             for {@code route} and {@code reassign}: the unit a person chose (with
     *                             {@code unitName} and {@code unitLevel}); absent on {@code route}: the rules choose
     * @param photoIds             photos uploaded first through {@code POST /api/v1/photos}, e.g. of the result
     */
    record ActionRequest(@Size(max = 2000, message = "长度不能超过2000字") String comment,
                         Integer extensionWorkingDays,
                         @Size(max = 64, message = "长度不能超过64") String mergeInto,
                         @Size(max = 64, message = "长度不能超过64") String assignee,
                         @Size(max = 32, message = "长度不能超过32") String unitCode,
                         @Size(max = 100, message = "长度不能超过100") String unitName,
                         HandlingLevel unitLevel,
                         @Size(max = 9, message = "最多9张照片") List<@Size(max = 80) String> photoIds) {

        ActionInput toInput(String who, String role) {
            RoutingDecision chosen = unitCode == null || unitCode.isBlank() ? null
                    : RoutingDecision.manual(new HandlingUnit(unitCode, unitName == null ? unitCode : unitName,
                    unitLevel != null ? unitLevel : levelOfCode(unitCode)));
            return new ActionInput(who, role, comment, extensionWorkingDays, mergeInto, assignee, chosen, photoIds);
        }

        /** A centre's code says its level: 15 digits a grid, 12 a community, 9 a street; anything else a district. */
        private static HandlingLevel levelOfCode(String code) {
            return switch (code.length()) {
                case 15 -> HandlingLevel.GRID;
                case 12 -> HandlingLevel.COMMUNITY;
                case 9 -> HandlingLevel.STREET;
                default -> HandlingLevel.DISTRICT;
            };
        }
    }

    @GetMapping("/{caseId}")
    CaseView get(@PathVariable String caseId) {
        return CaseView.of(CaseAccess.visible(Caller.current(), work.get(caseId)));
    }

    @GetMapping("/{caseId}/timeline")
    List<TimelineEntry> timeline(@PathVariable String caseId) {
        return CaseAccess.visible(Caller.current(), work.get(caseId)).timeline();
    }

    @PostMapping("/{caseId}/actions/{action}")
    CaseView act(@PathVariable String caseId, @PathVariable String action,
                 @Valid @RequestBody(required = false) ActionRequest request) {
        Caller caller = Caller.current();
        CaseAction wanted = CaseAction.fromWireName(action).orElse(null);
        if (wanted == null) {
            // Only a caller who may see the case learns that the action does not exist.
            CaseAccess.visible(caller, work.get(caseId));
        }
        ActionInput input = request == null ? ActionInput.by(caller.id()) : request.toInput(caller.id(), null);
        if (wanted == CaseAction.MERGE && input.mergeInto() != null) {
            CaseAccess.visible(caller, work.get(input.mergeInto()));
        }
        // Who may act, and in which role, is decided on the case as it is under its lock: a reassignment in
        // between moves it out of a unit's reach.
        return CaseView.of(work.actAs(caseId, action, input,
                current -> CaseAccess.roleFor(caller, wanted, current).name()));
    }

    /** A case as operators see it, with Chinese labels beside the codes. */
    record CaseView(String caseId, CaseState state, String stateLabel, String districtCode, String districtName,
                    String streetCode, String streetName, String communityCode, String communityName,
                    String gridCode, String category, String categoryLabel, String subCategory,
                    String subCategoryName, String source, String sourceLabel, String urgency, String urgencyLabel,
                    String description, String likelyDuplicateOf, Instant reportedAt, Instant acceptBy,
                    Instant dueAt, Instant warnAt, String handlingUnit, String handlingUnitName, HandlingLevel level,
                    String levelLabel, String routingRule, String assignee, int reworkCount, Integer requestedExtensionDays,
                    String mergedInto, Instant closedAt, boolean warned, boolean overdue, List<String> allowedActions,
                    List<TimelineEntry> timeline) {
        static CaseView of(CaseFile c) {
            return new CaseView(c.id(), c.state(), c.state().label(), c.districtCode(), c.districtName(),
                    c.streetCode(), c.streetName(), c.communityCode(), c.communityName(), c.gridCode(),
                    c.category().name(), c.category().label(), c.subCategory(), c.subCategoryName(),
                    c.source().name(), c.source().label(), c.urgency() == null ? null : c.urgency().name(),
                    c.urgency() == null ? null : c.urgency().label(), c.description(), c.likelyDuplicateOf(),
                    c.reportedAt(),
                    c.acceptBy(), c.dueAt(), c.warnAt(), c.handlingUnit(), c.handlingUnitName(), c.level(),
                    c.level() == null ? null : c.level().label(), c.routingRule(), c.assignee(), c.reworkCount(),
                    c.requestedExtensionDays(), c.mergedInto(), c.closedAt(), c.warned(), c.overdue(),
                    c.allowedActions().stream().filter(CaseAction::manual).map(CaseAction::wireName).sorted()
                            .toList(), c.timeline());
        }
    }
}
