package io.gridloop.intake.patrol;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

/**
 * The unique index that makes a retried record one record even when two retries race (real on the embedded
 * MongoDB-wire server too), and the lists' index (real MongoDB builds it; the embedded server scans).
 */
@Component
class PatrolIndexes implements InitializingBean {

    private final MongoTemplate mongo;

    PatrolIndexes(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void afterPropertiesSet() {
        mongo.indexOps(StoredPatrol.class).createIndex(new Index("idempotencyKey", Sort.Direction.ASC).unique()
                .named("patrols_idempotency_key"));
        mongo.indexOps(StoredPatrol.class).createIndex(new Index("patrol.workerId", Sort.Direction.ASC)
                .on("patrol.startedAt", Sort.Direction.DESC).named("patrols_by_worker"));
    }
}
