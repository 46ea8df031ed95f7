package io.gridloop.intake.report;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

/**
 * Creates the unique index that makes idempotency hold under concurrent retries, and the indexes of a reporter's
 * reports and of the Open311 listings. Created explicitly at start-up
 * rather than by annotation: Spring Data's automatic index creation is off by default, and an index that is
 * silently missing only shows when two retries race. Unique indexes are real on the embedded MongoDB-wire
 * server too.
 */
@Component
class ReportIndexes implements InitializingBean {

    static final String IDEMPOTENCY_KEY = "idempotencyKey";

    private final MongoTemplate mongo;

    ReportIndexes(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void afterPropertiesSet() {
        mongo.indexOps(StoredReport.class).createIndex(new Index(IDEMPOTENCY_KEY, Sort.Direction.ASC).unique()
                .named("reports_idempotency_key"));
        // A reporter's own list. Real MongoDB builds it; the embedded server scans instead (see README).
        mongo.indexOps(StoredReport.class).createIndex(new Index("event.reporterId", Sort.Direction.ASC)
                .on("event.reportedAt", Sort.Direction.DESC).named("reports_by_reporter"));
        // Open311 listings: requests by source and time (their status updates: ProgressIndexes).
        mongo.indexOps(StoredReport.class).createIndex(new Index("event.source", Sort.Direction.ASC)
                .on("event.reportedAt", Sort.Direction.DESC).named("reports_by_source"));
    }
}
