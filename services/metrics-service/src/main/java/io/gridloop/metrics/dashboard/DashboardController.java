package io.gridloop.metrics.dashboard;

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

    /** The newest figures of every district (this year), as the gauges show them. */
    @GetMapping("/api/v1/dashboard/districts")
    List<DistrictCompletionSnapshot> districts() {
        return board.all();
    }

    record DashboardConfig(String statsUrl) {
    }

    @GetMapping("/api/v1/dashboard/config")
    DashboardConfig config() {
        return new DashboardConfig(settings.statsUrl());
    }

    /** Server-sent events: {@code districts} with every district's newest figures, whenever they change. */
    @GetMapping(value = "/api/v1/dashboard/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream() {
        return stream.open();
    }
}
