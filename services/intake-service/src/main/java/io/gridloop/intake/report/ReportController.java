package io.gridloop.intake.report;

import io.gridloop.intake.access.ReportAccess;
import io.gridloop.platform.security.Caller;
import io.gridloop.platform.photo.PhotoStore;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.util.List;

/**
 * {@code POST /api/v1/events}: 202 with the new event id once Kafka has it; 200 with the original id for a
 * retry of a report already accepted; 503 with {@code Retry-After} when it cannot be published now. What becomes
 * of a report is the reporter's view ({@code progress}).
 */
@RestController
@RequestMapping("/api/v1/events")
class ReportController {

    private final ReportIntake intake;
    private final PhotoStore photos;

    ReportController(ReportIntake intake, PhotoStore photos) {
        this.intake = intake;
        this.photos = photos;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ReportReceipt> report(@Valid @RequestBody ReportRequest request) {
        ReportAccess.checkMayReport(Caller.current(), request.gridCode(), request.reporterId());
        return answer(intake.accept(request));
    }

    /**
     * A report with its photos in one request, as phone apps send it: a part {@code report} (JSON) and up to nine
     * parts {@code photos}. The photos are stored first; being addressed by content, a retried request stores
     * nothing twice.
     */
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<ReportReceipt> reportWithPhotos(@Valid @RequestPart("report") ReportRequest request,
                                                   @RequestPart(value = "photos", required = false)
                                                   List<MultipartFile> files) {
        ReportAccess.checkMayReport(Caller.current(), request.gridCode(), request.reporterId());
        List<String> ids = photos.storeAll(files == null ? List.of() : files, request.photoIds().size(),
                request.reporterId()).stream().map(PhotoStore.StoredPhoto::id).toList();
        return answer(intake.accept(request.withPhotos(ids)));
    }

    private static ResponseEntity<ReportReceipt> answer(ReportReceipt receipt) {
        return ResponseEntity.status(receipt.duplicate() ? HttpStatus.OK : HttpStatus.ACCEPTED)
                .location(ServletUriComponentsBuilder.fromCurrentRequestUri().path("/{id}")
                        .buildAndExpand(receipt.eventId()).toUri())
                .body(receipt);
    }
}
