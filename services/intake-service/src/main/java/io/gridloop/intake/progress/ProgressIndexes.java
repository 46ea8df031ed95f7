package io.gridloop.intake.progress;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

/** The index of the Open311 status updates by time, created at start-up like the reports' (ReportIndexes). */
@Component
class ProgressIndexes implements InitializingBean {

    private final MongoTemplate mongo;

    ProgressIndexes(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void afterPropertiesSet() {
        mongo.indexOps(ReportUpdate.class).createIndex(new Index("updatedAt", Sort.Direction.ASC)
                .named("report_updates_by_time"));
    }
}
