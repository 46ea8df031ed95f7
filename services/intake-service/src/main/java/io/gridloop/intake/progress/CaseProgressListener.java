package io.gridloop.intake.progress;

import io.gridloop.contracts.EventEnvelope;
import io.gridloop.contracts.Topics;
import io.gridloop.contracts.event.CaseAction;
import io.gridloop.contracts.event.CaseState;
import io.gridloop.contracts.event.CaseTransitioned;
import io.gridloop.contracts.event.ReportSource;
import io.gridloop.intake.duplicate.LikelyDuplicates;
import io.gridloop.intake.report.StoredReport;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Keeps each report's progress current from the case's transitions. A transition applies only if it is newer
 * than the last one applied, so redeliveries and replays leave the progress as it is. A case that ended is no
 * longer an open report that a new one could duplicate.
 */
@Component
class CaseProgressListener {

    private final MongoTemplate mongo;
    private final LikelyDuplicates duplicates;

    CaseProgressListener(MongoTemplate mongo, LikelyDuplicates duplicates) {
        this.duplicates = duplicates;
        this.mongo = mongo;
    }

    @KafkaListener(topics = Topics.Names.CASE_TRANSITIONED)
    void on(EventEnvelope<CaseTransitioned> envelope) {
        CaseTransitioned t = envelope.data();
        boolean closed = t.toState() == CaseState.CLOSED;
        Update update = new Update()
                .set("caseState", t.toState())
                .set("status", ReporterStatus.of(t.toState()))
                .set("lastSequence", t.sequence())
                .set("mergedInto", t.mergedInto())
                .set("handlingUnit", t.handlingUnit())
                .set("handlingUnitName", t.handlingUnitName())
                .set("dueAt", t.dueAt())
                .set("updatedAt", t.occurredAt());
        // A step that keeps a closed case closed (a 12345 return visit) leaves the closure a "not fixed" names.
        if (!closed || t.fromState() != CaseState.CLOSED) {
            update.set("closedSequence", closed ? t.sequence() : null).set("closedAt", closed ? t.closedAt() : null);
        }
        if (t.action() == CaseAction.FEEDBACK && t.reason() != null) {
            update.set("result", t.reason()).set("resultPhotoIds", t.photoIds());
        } else if (t.action() == CaseAction.REWORK || t.action() == CaseAction.REOPEN) {
            update.unset("result").unset("resultPhotoIds");
        }
        update.set("invalidReason", t.toState() == CaseState.INVALID ? t.reason() : null);
        Query newer = Query.query(Criteria.where("_id").is(t.caseId()).and("lastSequence").lt(t.sequence()));
        try {
            mongo.upsert(newer, update, ReportProgress.class);
        } catch (DuplicateKeyException alreadyNewer) {
            // The progress exists and has this or a later transition: nothing to do.
        }
        if (t.source() == ReportSource.OPEN311 && t.fromState() != t.toState()) {
            ReporterStatus status = ReporterStatus.of(t.toState());
            try {
                mongo.insert(new ReportUpdate(t.caseId() + "-" + t.sequence(), t.caseId(), status,
                        t.reason() == null ? status.label() : status.label() + "：" + t.reason(), t.occurredAt()));
            } catch (DuplicateKeyException redelivered) {
                // Recorded already.
            }
        }
        if (t.toState().isFinal()) {
            StoredReport report = mongo.findById(t.caseId(), StoredReport.class);
            if (report != null) {
                duplicates.forget(report.event());
            }
        }
    }
}
