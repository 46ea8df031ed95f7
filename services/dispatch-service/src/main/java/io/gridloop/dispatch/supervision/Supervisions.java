package io.gridloop.dispatch.supervision;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

import java.util.List;

/** The 督办 records. */
@Repository
public class Supervisions {

    static final String COLLECTION = "supervisions";

    private final MongoTemplate mongo;

    Supervisions(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Files the record unless it exists already. */
    public void file(Supervision s) {
        try {
            mongo.insert(s, COLLECTION);
        } catch (DuplicateKeyException alreadyFiled) {
            // the watch ran twice for the same deadline (a retry, or a second instance)
        }
    }

    /** Records where {@code unit} is the supervised unit or the one notified, newest first. */
    public List<Supervision> involving(String unit, int page, int size) {
        Query query = unit == null ? new Query() : Query.query(new Criteria().orOperator(
                Criteria.where("handlingUnit").is(unit), Criteria.where("notifiedUnit").is(unit)));
        return mongo.find(query.with(Sort.by(Sort.Direction.DESC, "overdueAt")).skip((long) page * size).limit(size),
                Supervision.class, COLLECTION);
    }

    public List<Supervision> forCase(String caseId) {
        return mongo.find(Query.query(Criteria.where("caseId").is(caseId)), Supervision.class, COLLECTION);
    }
}
