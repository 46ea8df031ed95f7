package io.gridloop.dispatch.supervision;

import io.gridloop.platform.security.Caller;
import java.util.ArrayList;
import java.util.regex.Pattern;
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
    /**
     * Supervision notices about {@code unit} (or all), in {@code areas}: those of a case whose district lies in
     * one of them, or that concern a unit inside one of them.
     */
    public List<Supervision> involving(String unit, List<String> areas, int page, int size) {
        List<Criteria> where = new ArrayList<>();
        if (unit != null) {
            where.add(new Criteria().orOperator(
                    Criteria.where("handlingUnit").is(unit), Criteria.where("notifiedUnit").is(unit)));
        }
        if (!areas.contains(Caller.WHOLE_COUNTRY)) {
            List<Criteria> within = new ArrayList<>();
            for (String area : areas) {
                String prefix = "^" + Pattern.quote(area);
                within.add(Criteria.where("districtCode").regex(prefix));
                within.add(Criteria.where("handlingUnit").regex(prefix));
                within.add(Criteria.where("notifiedUnit").regex(prefix));
            }
            if (within.isEmpty()) {
                return List.of();
            }
            where.add(new Criteria().orOperator(within));
        }
        Query query = where.isEmpty() ? new Query() : Query.query(new Criteria().andOperator(where));
        return mongo.find(query.with(Sort.by(Sort.Direction.DESC, "overdueAt")).skip((long) page * size).limit(size),
                Supervision.class, COLLECTION);
    }

    public List<Supervision> forCase(String caseId) {
        return mongo.find(Query.query(Criteria.where("caseId").is(caseId)), Supervision.class, COLLECTION);
    }
}
