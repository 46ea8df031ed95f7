package io.gridloop.stats.assessment;

import io.gridloop.contracts.event.PatrolKind;
import io.gridloop.contracts.event.PatrolRecorded;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The patrols and visits each grid worker recorded in a month (巡查走访), by kind: one document per worker and
 * Beijing month ({@code assessment_patrols}, {@code _id} = {@code <worker>|2026-12}) holding the ids of the
 * records of each kind. Adding an id to a set is what makes the count exact whatever happens upstream: a record
 * delivered twice, counted again by a rebuild or by two instances at once, is still one id.
 */
@Component
public class PatrolLog {

    static final String COLLECTION = "assessment_patrols";
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    private final MongoTemplate mongo;

    PatrolLog(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Counts {@code patrol} in its worker's month (the Beijing month it started in); idempotent. */
    public void recorded(PatrolRecorded patrol) {
        YearMonth month = YearMonth.from(LocalDate.ofInstant(patrol.startedAt(), BEIJING));
        Query doc = Query.query(Criteria.where("_id").is(idOf(patrol.workerId(), month)));
        Update add = new Update().set("workerId", patrol.workerId()).set("month", month.toString())
                .addToSet("kinds." + patrol.kind().name(), patrol.patrolId());
        try {
            mongo.upsert(doc, add, COLLECTION);
        } catch (DuplicateKeyException e) {
            // Another instance created the month's document between our look and our insert: it is there now.
            mongo.upsert(doc, add, COLLECTION);
        }
    }

    /** Per worker of {@code workerIds}, the month's patrols by kind; a worker without any has no entry. */
    public Map<String, Map<PatrolKind, Long>> of(Collection<String> workerIds, YearMonth month) {
        List<String> ids = workerIds.stream().map(w -> idOf(w, month)).toList();
        Map<String, Map<PatrolKind, Long>> out = new HashMap<>();
        for (Document d : mongo.getCollection(COLLECTION).find(new Document("_id", new Document("$in", ids)))) {
            Map<PatrolKind, Long> kinds = new EnumMap<>(PatrolKind.class);
            Document stored = d.get("kinds", Document.class);
            if (stored != null) {
                stored.forEach((kind, patrolIds) -> kinds.put(PatrolKind.valueOf(kind), (long) ((List<?>) patrolIds).size()));
            }
            out.put(d.getString("workerId"), kinds);
        }
        return out;
    }

    private static String idOf(String workerId, YearMonth month) {
        return workerId + "|" + month;
    }
}
