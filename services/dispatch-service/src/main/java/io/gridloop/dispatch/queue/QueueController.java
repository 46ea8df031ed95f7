package io.gridloop.dispatch.queue;

import io.gridloop.dispatch.access.CaseAccess;
import io.gridloop.platform.security.Caller;
import io.gridloop.platform.security.Role;
import io.gridloop.contracts.event.CaseState;
import io.gridloop.contracts.event.EventCategory;
import io.gridloop.dispatch.routing.GridCentres;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A handling unit's work queue: its open cases, filtered by state, category, overdue and the person working them
 * (我的) or nobody yet (待签收), soonest deadline first, one page at a time.
 */
@RestController
class QueueController {

    private final OpenCases open;

    QueueController(OpenCases open) {
        this.open = open;
    }

    @GetMapping("/api/v1/queues/{unit}")
    OpenCases.Page queue(@PathVariable String unit,
                         @RequestParam(required = false) CaseState state,
                         @RequestParam(required = false) EventCategory category,
                         @RequestParam(required = false) Boolean overdue,
                         @RequestParam(required = false) String assignee,
                         @RequestParam(defaultValue = "false") boolean unassigned,
                         @RequestParam(defaultValue = "0") @Min(value = 0, message = "不能小于0") int page,
                         @RequestParam(defaultValue = "20") @Min(value = 1, message = "不能小于1")
                         @Max(value = 200, message = "不能大于200") int size) {
        CaseAccess.checkMayReadQueue(Caller.current(), unit);
        return open.queue(unit, state, category, overdue, assignee, unassigned, page, size);
    }

    /**
     * A district's manual triage queue (人工分流): cases no routing rule matched and cases their unit returned
     * (退单), waiting for an operator to route them.
     */
    @GetMapping("/api/v1/triage/{districtCode}")
    OpenCases.Page triage(@PathVariable @Pattern(regexp = "\\d{6}", message = "区县编码必须是6位数字") String districtCode,
                          @RequestParam(required = false) EventCategory category,
                          @RequestParam(defaultValue = "0") @Min(value = 0, message = "不能小于0") int page,
                          @RequestParam(defaultValue = "20") @Min(value = 1, message = "不能小于1")
                          @Max(value = 200, message = "不能大于200") int size) {
        if (!Caller.current().can(Role.OPERATOR, districtCode)) {
            throw Caller.outsideArea(districtCode);
        }
        return open.queue(GridCentres.triageCode(districtCode), null, category, null, null, false, page, size);
    }
}
