package io.gridloop.intake.progress;

import io.gridloop.contracts.event.CaseState;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.List;

/**
 * How far the case of a report has come, kept from {@code grid.case.transitioned.v1}.
 *
 * @param lastSequence   the newest transition applied; older or repeated ones are ignored
 * @param result         the handler's last feedback (处理结果), as the reporter may read it; cleared when review
 *                       sends the case back or it is re-opened, as it is then no longer the outcome
 * @param resultPhotoIds the photos taken with that feedback (处理后照片), by their ids in dispatch's photo store
 * @param invalidReason  why the case was declared invalid (作废), while it is
 * @param closedSequence the transition that closed the case, while it is closed: a "not fixed" names it
 * @param handlingUnit   the code of the unit handling the case
 * @param handlingUnitName its name (Open311's agency_responsible)
 * @param dueAt          by when the case is to be closed (Open311's expected_datetime)
 */
@Document("report_progress")
public record ReportProgress(@Id String eventId, CaseState caseState, ReporterStatus status, int lastSequence,
                             String result, List<String> resultPhotoIds, String invalidReason, Integer closedSequence, Instant closedAt, String mergedInto,
                             String handlingUnit, String handlingUnitName, Instant dueAt, Instant updatedAt) {
}
