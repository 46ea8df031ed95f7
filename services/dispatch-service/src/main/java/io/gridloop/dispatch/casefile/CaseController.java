package io.gridloop.dispatch.casefile;

import io.gridloop.contracts.event.CaseState;
import io.gridloop.dispatch.lifecycle.CaseAction;
import io.gridloop.dispatch.lifecycle.CaseFile;
import io.gridloop.dispatch.lifecycle.TimelineEntry;
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

/** Case detail and the actions of 处理 → 反馈 → 结案: {@code POST /api/v1/cases/{id}/actions/{accept|feedback|close}}. */
@RestController
@RequestMapping("/api/v1/cases")
class CaseController {

    private final CaseWork work;

    CaseController(CaseWork work) {
        this.work = work;
    }

    /** Who acts and why. Until sign-in exists the actor is taken on trust. */
    record ActionRequest(@Size(max = 64, message = "长度不能超过64") String actor,
                         @Size(max = 2000, message = "长度不能超过2000字") String comment) {
    }

    @GetMapping("/{caseId}")
    CaseView get(@PathVariable String caseId) {
        return CaseView.of(work.get(caseId));
    }

    @PostMapping("/{caseId}/actions/{action}")
    CaseView act(@PathVariable String caseId, @PathVariable String action,
                 @Valid @RequestBody(required = false) ActionRequest request) {
        String actor = request == null || request.actor() == null || request.actor().isBlank()
                ? "anonymous" : request.actor();
        return CaseView.of(work.act(caseId, action, actor, request == null ? null : request.comment()));
    }

    /** A case as operators see it, with Chinese labels beside the codes. */
    record CaseView(String caseId, CaseState state, String stateLabel, String districtCode, String districtName,
                    String gridCode, String category, String categoryLabel, String source, String sourceLabel,
                    String description, Instant reportedAt, Instant acceptBy, Instant dueAt, Instant warnAt,
                    String handlingUnit,
                    String handlingUnitName, List<String> allowedActions, List<TimelineEntry> timeline) {
        static CaseView of(CaseFile c) {
            return new CaseView(c.id(), c.state(), c.state().label(), c.districtCode(), c.districtName(),
                    c.gridCode(), c.category().name(), c.category().label(), c.source().name(), c.source().label(),
                    c.description(), c.reportedAt(), c.acceptBy(), c.dueAt(), c.warnAt(), c.handlingUnit(),
                    c.handlingUnitName(),
                    c.allowedActions().stream().map(CaseAction::wireName).sorted().toList(), c.timeline());
        }
    }
}
