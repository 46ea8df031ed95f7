package io.gridloop.dispatch.casework;

import io.gridloop.dispatch.lifecycle.CaseNumber;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Case numbers (案件编号) as people quote them on the phone and on paper: the Beijing date of the report, the
 * district's code and the district's sequence of that day — {@code 2026120615010500123} is the 123rd case
 * reported in 赛罕区 (150105) on 6 December 2026. The sequence is one {@code $inc} on a counter document per
 * district and day, so two instances never hand out the same number and no multi-document transaction is
 * needed; a number is never reused (a crash between counting and storing leaves a gap, not a duplicate).
 * Numbers are found through a lookup document keyed by the number, an {@code _id} read on any MongoDB.
 */
@Repository
public class CaseNumbers {

    public static final String COUNTERS = "case_number_counters";
    public static final String LOOKUP = "case_numbers";

    private final MongoTemplate mongo;

    CaseNumbers(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The next number of {@code districtCode} for the day {@code reportedAt} falls on in Beijing. */
    public String next(String districtCode, Instant reportedAt) {
        LocalDate day = CaseNumber.dayOf(reportedAt);
        return CaseNumber.of(districtCode, day, increment(CaseNumber.prefix(districtCode, day)));
    }

    private long increment(String counter) {
        Query query = Query.query(Criteria.where("_id").is(counter));
        Update inc = new Update().inc("seq", 1L);
        FindAndModifyOptions upsert = FindAndModifyOptions.options().upsert(true).returnNew(true);
        try {
            return mongo.findAndModify(query, inc, upsert, Document.class, COUNTERS).get("seq", Number.class)
                    .longValue();
        } catch (DuplicateKeyException anotherInstanceCreatedIt) {
            // Two instances upserted the day's first counter at once: the other one's document exists now.
            return mongo.findAndModify(query, inc, upsert, Document.class, COUNTERS).get("seq", Number.class)
                    .longValue();
        }
    }

    /** Makes {@code number} find {@code caseId}; repeating it is harmless. */
    public void remember(String number, String caseId) {
        if (number != null) {
            mongo.upsert(Query.query(Criteria.where("_id").is(number)), new Update().set("caseId", caseId), LOOKUP);
        }
    }

    /** The case of {@code number}, if it is one. */
    public Optional<String> caseOf(String number) {
        if (!CaseNumber.looksLike(number)) {
            return Optional.empty();
        }
        return Optional.ofNullable(mongo.findById(number, Document.class, LOOKUP)).map(d -> d.getString("caseId"));
    }

    /** The days of {@code days} on which {@code district} gave numbers, each with the last sequence it reached. */
    public Map<LocalDate, Long> issuedOn(String district, Collection<LocalDate> days) {
        Map<String, LocalDate> byCounter = new HashMap<>();
        days.forEach(day -> byCounter.put(CaseNumber.prefix(district, day), day));
        Map<LocalDate, Long> issued = new HashMap<>();
        mongo.find(Query.query(Criteria.where("_id").in(byCounter.keySet())), Document.class, COUNTERS)
                .forEach(d -> issued.put(byCounter.get(d.getString("_id")), d.get("seq", Number.class).longValue()));
        return issued;
    }

    /** The cases of those {@code numbers} that are known, by number. */
    public Map<String, String> casesOf(Collection<String> numbers) {
        Map<String, String> cases = new HashMap<>();
        mongo.find(Query.query(Criteria.where("_id").in(numbers)), Document.class, LOOKUP)
                .forEach(d -> cases.put(d.getString("_id"), d.getString("caseId")));
        return cases;
    }

}
