package io.gridloop.intake.report;

import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * {@code POST /api/v1/events}: 202 with the new event id once Kafka has it; 200 with the original id for a
 * retry of a report already accepted; 503 with {@code Retry-After} when it cannot be published now. What becomes
 * of a report is the reporter's view ({@code progress}).
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
}
