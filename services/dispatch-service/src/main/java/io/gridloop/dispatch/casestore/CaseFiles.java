package io.gridloop.dispatch.casestore;

import io.gridloop.dispatch.lifecycle.CaseFile;
import io.gridloop.platform.problem.Refusal;
import io.gridloop.dispatch.lifecycle.OutboxEntry;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Where cases live: one MongoDB document per case, holding its state, timeline and not-yet-relayed events.
 * Every change is a single-document write, so it needs no multi-document transaction — neither MongoDB nor
 * the embedded MongoDB-wire server is asked for one.
 */
@Repository
public class CaseFiles {

    public static final String COLLECTION = "cases";

    private final MongoTemplate mongo;
    private final PendingOutbox pending;

    CaseFiles(MongoTemplate mongo, PendingOutbox pending) {
        this.mongo = mongo;
        this.pending = pending;
    }

    public Optional<CaseFile> find(String caseId) {
        return Optional.ofNullable(mongo.findById(caseId, StoredCase.class, COLLECTION)).map(StoredCase::toCase);
    }

    /** The cases of {@code ids} that exist, without their timelines and outboxes (for lists). */
    public List<CaseFile> summaries(Collection<String> ids) {
        Query query = Query.query(Criteria.where("_id").in(ids));
        query.fields().exclude("timeline", "outbox");
        return mongo.find(query, StoredCase.class, COLLECTION).stream().map(StoredCase::toCase).toList();
    }

    /** Stores a newly opened case; false if a case with that id exists already (a redelivered report). */
    public boolean insertNew(CaseFile opened) {
        pending.announce(opened.id(), opened.outbox());
        try {
            mongo.insert(StoredCase.of(opened), COLLECTION);
            return true;
        } catch (DuplicateKeyException alreadyOpened) {
            return false;
        }
    }

    /**
     * Applies {@code t} to the case if it is still at the version {@code t} was computed from.
     *
     * @return false if someone else changed the case first
     */
    public boolean apply(CaseFile current, CaseFile.Transition t) {
        pending.announce(current.id(), List.of(t.event()));
        Query sameVersion = Query.query(Criteria.where("_id").is(current.id()).and("version").is(current.version()));
        // Only the fields the transition changed are set, found by comparing every field of the stored case, so a
        // field added to it can never be answered but not stored. Timeline and outbox only grow: they are pushed
        // rather than replaced — the relay may be pulling relayed entries at the same time.
        Update update = changedFields(current, t.after())
                .push("timeline", t.entry())
                .push("outbox", t.event());
        return mongo.updateFirst(sameVersion, update, StoredCase.class, COLLECTION).getModifiedCount() == 1;
    }

    /** The stored fields {@code after} changed, with their values as the mapping writes them. */
    private Update changedFields(CaseFile before, CaseFile after) {
        StoredCase is = StoredCase.of(after).withoutLists();
        Document mapped = new Document();
        mongo.getConverter().write(is, mapped);
        Update update = new Update();
        for (String field : is.fieldsChangedSince(StoredCase.of(before))) {
            update.set(field, mapped.get(field)); // absent when null: stored as null
        }
        return update;
    }

    private static final String CASE_NOT_FOUND = "CASE_NOT_FOUND";

    /** What a caller hears of a case that does not exist (or that they may not know of). */
    public static Refusal notFound(String caseId) {
        return Refusal.notFound(CASE_NOT_FOUND, "案件不存在", "没有编号为 " + caseId + " 的案件");
    }

    /** Whether {@code refusal} says there is no such case ({@link #notFound}). */
    public static boolean isNotFound(Refusal refusal) {
        return CASE_NOT_FOUND.equals(refusal.code());
    }

    /** Removes relayed transitions from the case's outbox, by their sequence. */
    public void removeFromOutbox(String caseId, List<OutboxEntry> relayed) {
        List<Integer> sequences = relayed.stream().map(e -> e.transition().sequence()).toList();
        mongo.updateFirst(Query.query(Criteria.where("_id").is(caseId)),
                new Update().pull("outbox", Query.query(Criteria.where("transition.sequence").in(sequences))),
                StoredCase.class, COLLECTION);
    }
}
