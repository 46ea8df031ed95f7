package io.gridloop.metrics.dashboard;

import io.gridloop.platform.security.Caller;
import io.gridloop.contracts.event.DistrictCompletionSnapshot;
import io.gridloop.metrics.district.DistrictBoard;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.util.List;

/**
 * The supervisors' dashboard: the page itself is static ({@code static/index.html}, served at {@code /}); it
 * reads tables, drill-downs, trends, the overdue list and exports from stats-service, and listens here for
 * changes.
 */
@RestController
class DashboardController {

    private final DistrictBoard board;
    private final DashboardStream stream;
    private final DashboardSettings settings;

    DashboardController(DistrictBoard board, DashboardStream stream, DashboardSettings settings) {
        this.board = board;
        this.stream = stream;
        this.settings = settings;
    }

    /** The newest figures of every district the caller may see (this year), as the gauges show them. */
    @GetMapping("/api/v1/dashboard/districts")
    List<DistrictCompletionSnapshot> districts() {
        return DashboardStream.visibleTo(Caller.current(), board.all());
    }

    /**
     * What the page needs before anyone signs in: where the statistics are, and where and as which client to
     * sign in (the realm's token endpoint; the dashboard is a public client).
     */
    record DashboardConfig(String statsUrl, String tokenUrl, String clientId) {
    }

    @GetMapping("/api/v1/dashboard/config")
    DashboardConfig config() {
        return new DashboardConfig(settings.statsUrl(), settings.tokenUrl(), settings.clientId());
    }

    /** Server-sent events: {@code districts} with every district's newest figures, whenever they change. */
    @GetMapping(value = "/api/v1/dashboard/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream() {
        return stream.open(Caller.current());
    }
}
