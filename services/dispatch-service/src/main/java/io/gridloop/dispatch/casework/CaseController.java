package io.gridloop.dispatch.casework;

import io.gridloop.dispatch.lifecycle.ActionRules;
import io.gridloop.dispatch.access.CaseAccess;
import io.gridloop.dispatch.calendar.CalendarStore;
import io.gridloop.platform.security.Caller;
import io.gridloop.contracts.event.CaseState;
import io.gridloop.dispatch.lifecycle.ActionInput;
import io.gridloop.contracts.event.CaseAction;
import io.gridloop.dispatch.lifecycle.CaseFile;
import io.gridloop.dispatch.lifecycle.TimelineEntry;
import io.gridloop.contracts.area.AreaLevel;
import io.gridloop.dispatch.unit.UnitDirectory;
import io.gridloop.dispatch.unit.UnitView;
import io.gridloop.platform.web.ApiException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Case detail and every action of the loop: {@code POST /api/v1/cases/{id}/actions/{action}}. Wherever a case is
 * named — the path, a merge target — its case number (案件编号) does as well as its id.
 */
@RestController
@RequestMapping("/api/v1/cases")
class CaseController {

    private final CaseWork work;
    private final UnitDirectory units;
    private final CaseNumbers numbers;
    private final CalendarStore calendar;
    private final Clock clock;

    CaseController(CaseWork work, UnitDirectory units, CaseNumbers numbers, CalendarStore calendar, Clock clock) {
        this.work = work;
        this.calendar = calendar;
        this.clock = clock;
        this.units = units;
        this.numbers = numbers;
    }

    /** The case id of a case id or case number. */
    private String idOf(String caseIdOrNumber) {
        return numbers.caseOf(caseIdOrNumber).orElse(caseIdOrNumber);
    }

    /**
     * What an action needs besides who takes it: the actor and the role they act in come from their token.
     *
     * @param comment              a remark, and the reason for actions that need one
     * @param extensionWorkingDays for {@code request-extension}
     * @param mergeInto            for {@code merge}: the case this one duplicates, by id or case number
     * @param assignee             for {@code assign}: the person who is to work the case
     * @param unitCode             for {@code route}, {@code reassign} and {@code escalate}: the code of the unit a
     *                             person chose from the unit directory; its name and level come from there.
     *                             Absent on {@code route} and {@code escalate}: the rules (and, one level up, the
     *                             case's own centre) choose
     * @param photoIds             photos uploaded first through {@code POST /api/v1/photos}, e.g. of the result
     */
    record ActionRequest(@Size(max = 2000, message = "长度不能超过2000字") String comment,
                         Integer extensionWorkingDays,
                         @Size(max = 64, message = "长度不能超过64") String mergeInto,
                         @Size(max = 64, message = "长度不能超过64") String assignee,
                         @Size(max = 40, message = "长度不能超过40") String unitCode,
                         @Size(max = 9, message = "最多9张照片") List<@Size(max = 80) String> photoIds) {

        /** @param mergeTarget the id of the case {@code mergeInto} names by id or number */
        ActionInput toInput(String who, String mergeTarget) {
            return new ActionInput(who, null, comment, extensionWorkingDays, mergeTarget, assignee, null, photoIds);
        }

        String chosenUnit() {
            return unitCode == null || unitCode.isBlank() ? null : unitCode.strip();
        }
    }

    @GetMapping("/{caseId}")
    CaseView get(@PathVariable("caseId") String caseIdOrNumber) {
        Caller caller = Caller.current();
        return viewOf(CaseAccess.visible(caller, work.get(idOf(caseIdOrNumber))), caller);
    }

    @GetMapping("/{caseId}/timeline")
    List<TimelineEntry> timeline(@PathVariable("caseId") String caseIdOrNumber) {
        return CaseAccess.visible(Caller.current(), work.get(idOf(caseIdOrNumber))).timeline();
    }

    /**
     * The units a person may send the case to by {@code action} (分流, 改派, 上报) — active, serving its area, one
     * level up for an escalation — lowest level first: the choices a form offers.
     */
    @GetMapping("/{caseId}/units")
    List<UnitView> units(@PathVariable("caseId") String caseIdOrNumber, @RequestParam String action) {
        CaseFile c = CaseAccess.visible(Caller.current(), work.get(idOf(caseIdOrNumber)));
        CaseAction wanted = CaseAction.fromWireName(action).filter(ActionRules::sendsToUnit)
                .orElseThrow(() -> new ApiException(HttpStatus.BAD_REQUEST, "UNKNOWN_ACTION", "不支持的操作",
                        "只有 route、reassign、escalate 需要选择处理单位"));
        AreaLevel level = wanted == CaseAction.ESCALATE
                ? c.handling().level() == null ? null : c.handling().level().up().orElse(null) : null;
        if (wanted == CaseAction.ESCALATE && level == null) {
            return List.of();
        }
        return units.serving(c.area().gridCode(), level).stream().filter(u -> u.refusalFor(wanted, c).isEmpty())
                .map(UnitView::of).toList();
    }

    @PostMapping("/{caseId}/actions/{action}")
    CaseView act(@PathVariable("caseId") String caseIdOrNumber, @PathVariable String action,
                 @Valid @RequestBody(required = false) ActionRequest request) {
        Caller caller = Caller.current();
        String caseId = idOf(caseIdOrNumber);
        CaseAction wanted = CaseAction.fromWireName(action).orElse(null);
        if (wanted == null) {
            // Only a caller who may see the case learns that the action does not exist.
            CaseAccess.visible(caller, work.get(caseId));
        }
        ActionInput input = request == null ? ActionInput.by(caller.id())
                : request.toInput(caller.id(), request.mergeInto() == null ? null : idOf(request.mergeInto().strip()));
        if (wanted == CaseAction.MERGE && input.mergeInto() != null) {
            CaseAccess.visible(caller, work.get(input.mergeInto()));
        }
        // Who may act, and in which role, is decided on the case as it is under its lock: a reassignment in
        // between moves it out of a unit's reach.
        return viewOf(work.actAs(caseId, action, input, request == null ? null : request.chosenUnit(),
                current -> CaseAccess.roleFor(caller, wanted, current).name()), caller);
    }

    private CaseView viewOf(CaseFile c, Caller caller) {
        return CaseView.of(c, caller, calendar.policy().calendar(), clock.instant());
    }
}
