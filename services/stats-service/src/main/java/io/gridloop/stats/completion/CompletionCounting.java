package io.gridloop.stats.completion;

import io.gridloop.contracts.EventEnvelope;
import io.gridloop.contracts.event.CaseTransitioned;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import java.util.List;
import java.util.Optional;

/**
 * Applies each transition to the counts exactly once, with single-document writes only (no transactions):
 * <ol>
 *   <li>the case's fact document records the transition id and its partition/offset, or reveals it as a
 *       duplicate publication;</li>
 *   <li>the district's counter for that partition takes the delta only if its last applied offset is lower.</li>
 * </ol>
 * A crash between the two steps is healed by redelivery of the same offset; replaying the topic changes nothing.
 */
@Service
public class CompletionCounting {

    static final String FACTS = "case_facts";
    static final String COUNTERS = "district_counters";

    private final MongoTemplate mongo;
    private final DirtyDistricts dirty;

    CompletionCounting(MongoTemplate mongo, DirtyDistricts dirty) {
        this.mongo = mongo;
        this.dirty = dirty;
    }

    /** @return true if the counts changed */
    public boolean apply(EventEnvelope<CaseTransitioned> envelope, int partition, long offset) {
        CaseTransitioned t = envelope.data();
        CaseFact.Applied here = new CaseFact.Applied(envelope.id(), partition, offset);
        if (!firstSeenHere(t.caseId(), here)) {
            return false;
        }
        CompletionDelta delta = CompletionDelta.of(t);
        if (delta.isNone()) {
            return false;
        }
        String counterId = DistrictCounter.idOf(t.districtCode(), partition);
        boolean applied = addPastOffset(counterId, delta, offset, t.districtName());
        if (!applied) {
            // The update matched nothing: either no counter exists yet (the district's first count on this
            // partition), or this record was applied before. Creating it with the delta tells them apart.
            try {
                mongo.insert(new DistrictCounter(counterId, t.districtCode(), t.districtName(), partition,
                        delta.reported(), delta.closed(), offset), COUNTERS);
                applied = true;
            } catch (DuplicateKeyException exists) {
                applied = addPastOffset(counterId, delta, offset, t.districtName());
            }
        }
        if (applied) {
            dirty.mark(t.districtCode());
        }
        return applied;
    }

    /** Adds {@code delta} to the counter only if it has not yet taken {@code offset} or a later one. */
    private boolean addPastOffset(String counterId, CompletionDelta delta, long offset, String districtName) {
        return mongo.updateFirst(
                Query.query(Criteria.where("_id").is(counterId).and("lastOffset").lt(offset)),
                new Update().inc("reported", delta.reported()).inc("closed", delta.closed())
                        .set("lastOffset", offset).set("districtName", districtName),
                COUNTERS).getModifiedCount() == 1;
    }

    /**
     * Records the transition in the case's fact document.
     *
     * @return false if the transition was counted before from another position (a duplicate publication)
     */
    private boolean firstSeenHere(String caseId, CaseFact.Applied here) {
        for (int attempt = 0; attempt < 5; attempt++) {
            CaseFact fact = mongo.findById(caseId, CaseFact.class, FACTS);
            if (fact == null) {
                try {
                    mongo.insert(new CaseFact(caseId, List.of(here)), FACTS);
                    return true;
                } catch (DuplicateKeyException raced) {
                    continue;
                }
            }
            Optional<CaseFact.Applied> seen = fact.applied().stream()
                    .filter(a -> a.eventId().equals(here.eventId())).findFirst();
            if (seen.isPresent()) {
                return seen.get().partition() == here.partition() && seen.get().offset() == here.offset();
            }
            boolean recorded = mongo.updateFirst(
                    Query.query(Criteria.where("_id").is(caseId).and("applied.eventId").ne(here.eventId())),
                    new Update().push("applied", here), FACTS).getModifiedCount() == 1;
            if (recorded) {
                return true;
            }
        }
        throw new IllegalStateException("case fact " + caseId + " keeps changing under us");
    }

    /** Totals per district: the sum over partitions. */
    public List<DistrictCompletion> byDistrict() {
        return DistrictCompletion.sum(mongo.findAll(DistrictCounter.class, COUNTERS));
    }

    public Optional<DistrictCompletion> district(String districtCode) {
        return DistrictCompletion.sum(mongo.find(Query.query(Criteria.where("districtCode").is(districtCode)),
                DistrictCounter.class, COUNTERS)).stream().findFirst();
    }
}
