package io.gridloop.intake.progress;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/**
 * One change of an Open311 request's case, for the {@code servicerequestupdates} extension: {@code _id} is the
 * transition's id ({@code <caseId>-<sequence>}), so a redelivered transition records nothing new.
 */
@Document("report_updates")
public record ReportUpdate(@Id String updateId, String eventId, ReporterStatus status, String description,
                           Instant updatedAt) {
}
