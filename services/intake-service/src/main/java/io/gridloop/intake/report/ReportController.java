package io.gridloop.intake.report;

import io.gridloop.intake.access.ReportAccess;
import io.gridloop.intake.access.ReportSources;
import io.gridloop.platform.security.Caller;
import io.gridloop.platform.photo.PhotoStore;
import io.gridloop.platform.web.JsonParts;
import jakarta.servlet.http.HttpServletRequest;
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
    private final JsonParts parts;

    ReportController(ReportIntake intake, PhotoStore photos, JsonParts parts) {
        this.intake = intake;
        this.photos = photos;
        this.parts = parts;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ReportReceipt> report(@Valid @RequestBody ReportRequest request) {
        Caller caller = Caller.current();
        return answer(intake.accept(checked(caller, request), caller.id()));
    }

    /**
     * The report as this caller may file it: in their areas, as themselves where they are a grid worker, under
     * the source that follows from who they are, and not as the 12345 reporter. (A deadline of its own is refused
     * by intake for every source but 12345, which no caller of this API can report as.)
     */
    private static ReportRequest checked(Caller caller, ReportRequest request) {
        ReportAccess.checkMayReport(caller, request.gridCode(), request.reporterId());
        ReportSources.checkReporterId(request.reporterId());
        return request.from(ReportSources.decide(caller, request.source()));
    }

    /**
     * A report with its photos in one request, as phone apps send it: a part {@code report} (JSON) and up to nine
     * parts {@code photos}. The photos are stored first; being addressed by content, a retried request stores
     * nothing twice. The report part is read as JSON whatever type it declares: many phone libraries send a
     * text field as {@code text/plain} or with no type at all.
     */
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<ReportReceipt> reportWithPhotos(@RequestPart("report") String reportJson,
                                                   @RequestPart(value = "photos", required = false)
                                                   List<MultipartFile> files, HttpServletRequest http) {
        Caller caller = Caller.current();
        ReportRequest report = checked(caller, parts.read(reportJson, ReportRequest.class, http));
        List<String> ids = photos.storeAll(files == null ? List.of() : files, report.photoIds().size(),
                caller.id()).stream().map(PhotoStore.StoredPhoto::id).toList();
        return answer(intake.accept(report.withPhotos(ids), caller.id()));
    }

    private static ResponseEntity<ReportReceipt> answer(ReportReceipt receipt) {
        return ResponseEntity.status(receipt.duplicate() ? HttpStatus.OK : HttpStatus.ACCEPTED)
                .location(ServletUriComponentsBuilder.fromCurrentRequestUri().path("/{id}")
                        .buildAndExpand(receipt.eventId()).toUri())
                .body(receipt);
    }
}
