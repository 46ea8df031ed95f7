package io.gridloop.dispatch.queue;

import io.gridloop.dispatch.casestore.CaseFollower;
import io.gridloop.contracts.event.CaseState;
import io.gridloop.contracts.event.EventCategory;
import io.gridloop.dispatch.lifecycle.CaseFile;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.List;

/**
 * The open cases, kept in step with the cases by the outbox relay: every transition passes the relay, which
 * writes the case's current state here (or removes it once final). A crash between a case's update and this
 * write is healed by the relay's sweep, like the event itself.
 */
@Repository
public class OpenCases implements CaseFollower {

    static final String COLLECTION = "open_cases";

    private final MongoTemplate mongo;
    private final ClosedCases closed;

    OpenCases(MongoTemplate mongo, ClosedCases closed) {
        this.mongo = mongo;
        this.closed = closed;
    }

    /** The work lists follow {@code c}: open, it is in the open cases; ended, in its day's 已办结 list. */
    @Override
    public void follow(CaseFile stored) {
        sync(stored);
    }

    public void sync(CaseFile c) {
        if (c.state().isFinal()) {
            mongo.remove(Query.query(Criteria.where("_id").is(c.id())), COLLECTION);
        } else {
            mongo.save(OpenCase.of(c), COLLECTION);
        }
        closed.sync(c);
    }

    /**
     * One page of a unit's queue, soonest deadline first.
     *
     * @param assignee   only the cases this person works (我的)
     * @param unassigned only the cases nobody of the unit has claimed yet (待签收)
     */
    public Page queue(String unit, CaseState state, EventCategory category, Boolean overdue, String assignee,
                      boolean unassigned, int page, int size) {
        Criteria criteria = Criteria.where("handlingUnit").is(unit);
        if (assignee != null) {
            criteria = criteria.and("assignee").is(assignee);
        } else if (unassigned) {
            criteria = criteria.and("assignee").isNull();
        }
        if (state != null) {
            criteria = criteria.and("state").is(state);
        }
        if (category != null) {
            criteria = criteria.and("category").is(category);
        }
        if (overdue != null) {
            criteria = criteria.and("overdue").is(overdue);
        }
        Query query = Query.query(criteria);
        long total = mongo.count(query, COLLECTION);
        List<OpenCase> items = mongo.find(query.with(Sort.by("dueAt", "_id")).skip((long) page * size).limit(size),
                OpenCase.class, COLLECTION);
        return new Page(unit, page, size, total, items);
    }

    /** One page of the open cases matching {@code criteria}, soonest deadline first, and how many match. */
    public Page matching(Criteria criteria, int page, int size) {
        Query query = Query.query(criteria);
        long total = mongo.count(query, COLLECTION);
        List<OpenCase> items = mongo.find(query.with(Sort.by("dueAt", "_id")).skip((long) page * size).limit(size),
                OpenCase.class, COLLECTION);
        return new Page(null, page, size, total, items);
    }

    /** What tab counts need of an open case. */
    public record Marks(String id, CaseState state, String handlingUnit, boolean warned, boolean overdue) {
    }

    /** The marks of every open case matching {@code criteria}: a fraction of each document is read. */
    public List<Marks> marks(Criteria criteria) {
        Query query = Query.query(criteria);
        query.fields().include("state", "handlingUnit", "warned", "overdue");
        return mongo.find(query, Marks.class, COLLECTION);
    }

    /** Open cases with a warning or a supervision due at {@code now}. */
    public List<OpenCase> needingAttention(Instant now) {
        return mongo.find(Query.query(new Criteria().orOperator(
                        Criteria.where("warned").is(false).and("overdue").is(false).and("warnAt").lte(now),
                        Criteria.where("overdue").is(false).and("dueAt").lt(now))),
                OpenCase.class, COLLECTION);
    }

    /** A page of a queue. */
    public record Page(String unit, int page, int size, long total, List<OpenCase> items) {
    }
}
