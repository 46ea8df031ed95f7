package io.gridloop.hotline.outbox;

import io.gridloop.contracts.hotline.EscalationReport;
import io.gridloop.contracts.hotline.StatusSync;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The durable queue of messages for the 12345 platform. Undelivered messages (pending and parked) live in one
 * collection that stays as small as the backlog; delivered ones move to a log keyed by the same id, which is what
 * keeps a transition Kafka delivers again from being queued again after its message went out.
 */
@Component
public class Outbox implements InitializingBean {

    /** A delivered message, by the id it had in the outbox. */
    @Document(Delivered.COLLECTION)
    record Delivered(@Id String id, String caseId, String orderNumber, OutboxMessage.Kind kind, int attempts,
                     Instant deliveredAt, Integer sequence, String statusLabel) {
        static final String COLLECTION = "hotline_delivered";
    }

    /** What the outbox did for a case and still holds for it, each in sequence order. */
    public record CaseMessages(List<Delivered> delivered, List<OutboxMessage> waiting) {
    }

    /**
     * A case's messages, for the people working it (the case page). Read by case id: on real MongoDB through the
     * indexes declared on both collections; on the embedded server a read of the outbox (small: only what is
     * undelivered) and of the delivered log.
     */
    public CaseMessages ofCase(String caseId) {
        Query byCase = Query.query(Criteria.where("caseId").is(caseId)).with(Sort.by("_id"));
        return new CaseMessages(mongo.find(byCase, Delivered.class), mongo.find(byCase, OutboxMessage.class));
    }

    private final MongoTemplate mongo;
    private final Clock clock;

    Outbox(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    @Override
    public void afterPropertiesSet() {
        mongo.indexOps(Delivered.class).createIndex(new Index("caseId", Sort.Direction.ASC));
        mongo.indexOps(OutboxMessage.class).createIndex(new Index("caseId", Sort.Direction.ASC));
    }

    /** Queues a status sync, unless it was queued or delivered before. */
    public boolean enqueue(String caseId, StatusSync sync, Instant occurredAt) {
        return enqueue(OutboxMessage.sync(caseId, sync, clock.instant(), occurredAt));
    }

    /** Queues an escalation report, unless it was queued or delivered before. */
    public boolean enqueue(String caseId, int sequence, EscalationReport report, Instant occurredAt) {
        return enqueue(OutboxMessage.escalation(caseId, sequence, report, clock.instant(), occurredAt));
    }

    private boolean enqueue(OutboxMessage message) {
        // Checked first, and written last on delivery (log, then removal): a message is in one of the two at
        // every moment, so a redelivered transition never finds neither.
        if (mongo.exists(Query.query(Criteria.where("_id").is(message.id())), Delivered.class)) {
            return false;
        }
        try {
            mongo.insert(message);
            return true;
        } catch (DuplicateKeyException queuedBefore) {
            return false;
        }
    }

    /** Everything undelivered, each case's messages in sequence order. */
    List<OutboxMessage> all() {
        return mongo.find(new Query().with(Sort.by("_id")), OutboxMessage.class);
    }

    void delivered(OutboxMessage message, Instant at) {
        try {
            mongo.insert(new Delivered(message.id(), message.caseId(), message.orderNumber(), message.kind(),
                    message.attempts() + 1, at, message.sequence(),
                    message.sync() == null ? null : message.sync().statusLabel()));
        } catch (DuplicateKeyException deliveredBefore) {
            // Delivered before a crash kept us from removing it; the hotline deduplicates on the sync id.
        }
        mongo.remove(Query.query(Criteria.where("_id").is(message.id())), OutboxMessage.class);
    }

    void failed(OutboxMessage message, String error, Instant nextAttemptAt) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(message.id())), new Update()
                .inc("attempts", 1).set("lastError", error).set("nextAttemptAt", nextAttemptAt), OutboxMessage.class);
    }

    void park(OutboxMessage message, String error, boolean attempted) {
        Update update = new Update().set("status", OutboxMessage.Status.PARKED).set("lastError", error)
                .set("parkedAt", clock.instant());
        if (attempted) {
            update.inc("attempts", 1);
        }
        mongo.updateFirst(Query.query(Criteria.where("_id").is(message.id())), update, OutboxMessage.class);
    }

    /** Puts a dead letter back in line, with a fresh count of attempts. */
    public Optional<OutboxMessage> find(String id) {
        return Optional.ofNullable(mongo.findById(id, OutboxMessage.class));
    }

    public Optional<OutboxMessage> retry(String id) {
        Query parked = Query.query(Criteria.where("_id").is(id).and("status").is(OutboxMessage.Status.PARKED));
        mongo.updateFirst(parked, new Update().set("status", OutboxMessage.Status.PENDING).set("attempts", 0)
                .set("nextAttemptAt", clock.instant()).unset("parkedAt"), OutboxMessage.class);
        return Optional.ofNullable(mongo.findById(id, OutboxMessage.class))
                .filter(m -> m.status() == OutboxMessage.Status.PENDING);
    }

    public List<OutboxMessage> parked() {
        return all().stream().filter(m -> m.status() == OutboxMessage.Status.PARKED).toList();
    }
}
