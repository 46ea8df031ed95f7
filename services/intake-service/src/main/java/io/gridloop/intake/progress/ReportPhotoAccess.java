package io.gridloop.intake.progress;

import io.gridloop.intake.access.ReportAccess;
import io.gridloop.intake.report.StoredReport;
import io.gridloop.platform.photo.PhotoAccess;
import io.gridloop.platform.security.Caller;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * A report's photos are read by whoever may read the report, and by the unit handling its case (which works the
 * case in dispatch and needs to see what was reported).
 */
@Component
class ReportPhotoAccess implements PhotoAccess {

    private final MongoTemplate mongo;

    ReportPhotoAccess(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public boolean mayRead(Caller caller, String eventId) {
        StoredReport report = mongo.findById(eventId, StoredReport.class);
        if (report == null) {
            return false;
        }
        if (ReportAccess.maySee(caller, report.event().gridCode(), report.event().reporterId(),
                report.submittedBy())) {
            return true;
        }
        ReportProgress progress = mongo.findById(eventId, ReportProgress.class);
        return progress != null && caller.handles(progress.handlingUnit());
    }
}
