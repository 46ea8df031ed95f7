package io.gridloop.intake.report;

import io.gridloop.platform.web.ApiException;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * {@code POST /api/v1/events}: 202 with the new event id once Kafka has it; 200 with the original id for a
 * retry of a report already accepted; 503 with {@code Retry-After} when it cannot be published now.
 */
@RestController
@RequestMapping("/api/v1/events")
class ReportController {

    private final ReportIntake intake;

    ReportController(ReportIntake intake) {
        this.intake = intake;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ReportReceipt> report(@Valid @RequestBody ReportRequest request) {
        ReportReceipt receipt = intake.accept(request);
        return ResponseEntity.status(receipt.duplicate() ? HttpStatus.OK : HttpStatus.ACCEPTED)
                .location(ServletUriComponentsBuilder.fromCurrentRequestUri().path("/{id}")
                        .buildAndExpand(receipt.eventId()).toUri())
                .body(receipt);
    }

    @GetMapping("/{eventId}")
    StoredReportView get(@PathVariable String eventId) {
        return intake.find(eventId).map(StoredReportView::of).orElseThrow(() -> new ApiException(
                HttpStatus.NOT_FOUND, "EVENT_NOT_FOUND", "事件不存在", "没有编号为 " + eventId + " 的事件"));
    }

    /** What intake itself knows of a report; the case's progress lives in dispatch. */
    record StoredReportView(String eventId, String clientEventId, String reporterId, String source,
                            String category, String categoryLabel, String gridCode, String districtCode,
                            String districtName, String description, java.time.Instant occurredAt,
                            java.time.Instant reportedAt, boolean published) {
        static StoredReportView of(StoredReport r) {
            var e = r.event();
            return new StoredReportView(e.eventId(), e.clientEventId(), e.reporterId(), e.source().name(),
                    e.category().name(), e.category().label(), e.gridCode(), e.districtCode(), e.districtName(),
                    e.description(), e.occurredAt(), e.reportedAt(), r.published());
        }
    }
}
