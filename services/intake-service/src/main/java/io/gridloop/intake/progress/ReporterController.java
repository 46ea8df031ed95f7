package io.gridloop.intake.progress;

import io.gridloop.intake.access.ReportAccess;
import io.gridloop.platform.security.Caller;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** The reporter's view of reports: one, one's own list, and "not fixed". */
@RestController
@RequestMapping("/api/v1/events")
class ReporterController {

    private final ReporterViews views;

    ReporterController(ReporterViews views) {
        this.views = views;
    }

    /**
     * @param reporterId the report's reporter, as a check that the right report is meant; who asks is recorded
     *                   from the token (a centre or channel asking for the reporter is recorded as itself)
     */
    record NotFixedRequest(@NotBlank(message = "不能为空") @Size(max = 64, message = "长度不能超过64") String reporterId,
                           @NotBlank(message = "请说明仍未解决的情况")
                           @Size(max = 2000, message = "长度不能超过2000字") String comment) {
    }

    @GetMapping("/{eventId}")
    ReporterViews.ReportView get(@PathVariable String eventId) {
        return visible(eventId);
    }

    private ReporterViews.ReportView visible(String eventId) {
        ReporterViews.ReportView view = views.view(eventId);
        if (!ReportAccess.maySee(Caller.current(), view.gridCode(), view.reporterId(), view.submittedBy())) {
            throw ReportAccess.notFound(eventId);
        }
        return view;
    }

    @GetMapping
    ReporterViews.ReportPage byReporter(@RequestParam @NotBlank(message = "不能为空") String reporterId,
                                        @RequestParam(defaultValue = "0") @Min(value = 0, message = "不能小于0") int page,
                                        @RequestParam(defaultValue = "20") @Min(value = 1, message = "不能小于1")
                                        @Max(value = 100, message = "不能大于100") int size) {
        Caller caller = Caller.current();
        if (caller.id().equals(reporterId)) {
            return views.byReporter(reporterId, new ReportAccess.OthersReports(List.of(Caller.WHOLE_COUNTRY), null),
                    page, size);
        }
        ReportAccess.OthersReports reach = ReportAccess.othersReports(caller);
        if (reach.none()) {
            throw Caller.forbidden("只能查看本人的上报");
        }
        return views.byReporter(reporterId, reach, page, size);
    }

    @PostMapping("/{eventId}/not-fixed")
    @ResponseStatus(HttpStatus.ACCEPTED)
    ReporterViews.ReportView notFixed(@PathVariable String eventId, @Valid @RequestBody NotFixedRequest request) {
        visible(eventId);
        return views.notFixed(eventId, request.reporterId(), request.comment(), Caller.current());
    }
}
