package io.gridloop.metrics.dashboard;

import io.gridloop.platform.security.Caller;
import io.gridloop.contracts.event.DistrictCompletionSnapshot;
import io.gridloop.metrics.district.DistrictSnapshots;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.util.List;

/**
 * The dashboard's live side. The page itself is the workbench's 办结率看板 ({@code /workbench/#/dashboard}, where
 * {@code /} leads); it reads tables, drill-downs, trends, the overdue list and exports from stats-service, and
 * listens here for changes.
 */
@RestController
class DashboardController {

    private final DistrictSnapshots districts;
    private final DashboardStream stream;

    DashboardController(DistrictSnapshots districts, DashboardStream stream) {
        this.districts = districts;
        this.stream = stream;
    }

    /** The newest figures of every district the caller may see (this year), as the gauges show them. */
    @GetMapping("/api/v1/dashboard/districts")
    List<DistrictCompletionSnapshot> districts() {
        return DashboardStream.visibleTo(Caller.current(), districts.all());
    }

    /** Server-sent events: {@code districts} with every district's newest figures, whenever they change. */
    @GetMapping(value = "/api/v1/dashboard/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream() {
        return stream.open(Caller.current());
    }
}
