package io.gridloop.hotline.order;

import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The bridge's record of work orders and the cases they belong to; every read and write is by {@code _id}. */
@Component
public class OrderBook {

    private final MongoTemplate mongo;

    OrderBook(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Optional<StoredOrder> order(String orderNumber) {
        return Optional.ofNullable(mongo.findById(orderNumber, StoredOrder.class));
    }

    public Optional<CaseLink> linkOf(String caseId) {
        return Optional.ofNullable(mongo.findById(caseId, CaseLink.class));
    }

    /**
     * Stores a new order, or returns the one stored before under its number (the hotline sent it again, or it
     * was pushed and polled).
     *
     * @return the stored order, and whether it was there already
     */
    public Stored storeIfNew(StoredOrder order) {
        try {
            return new Stored(mongo.insert(order), false);
        } catch (DuplicateKeyException again) {
            return new Stored(order(order.orderNumber()).orElseThrow(() -> again), true);
        }
    }

    public record Stored(StoredOrder order, boolean existed) {
    }

    /** Links a case to its order; the same link written again changes nothing. */
    public void link(String caseId, String orderNumber, Origin origin) {
        mongo.upsert(Query.query(Criteria.where("_id").is(caseId)),
                new Update().set("orderNumber", orderNumber).set("origin", origin), CaseLink.class);
    }

    /**
     * Links a grid case escalated to the city at transition {@code sequence}; the order number follows when the
     * hotline has opened the order. Escalated again later, the case's link moves to the newer escalation.
     */
    public void escalated(String caseId, int sequence) {
        mongo.upsert(Query.query(Criteria.where("_id").is(caseId)),
                new Update().set("origin", Origin.ESCALATED).max("escalatedAt", sequence), CaseLink.class);
    }

    /** Every case escalated to the city, with the sequence it was escalated at. */
    public Map<String, Integer> escalatedCases() {
        Map<String, Integer> out = new HashMap<>();
        Query query = Query.query(Criteria.where("origin").is(Origin.ESCALATED));
        query.fields().include("escalatedAt");
        for (Document d : mongo.find(query, Document.class, CaseLink.COLLECTION)) {
            out.put(d.getString("_id"), d.getInteger("escalatedAt", 0));
        }
        return out;
    }

    /** Records where a linked case lies, once known (its transitions all say the same). */
    public void placeCase(String caseId, String areaCode) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(caseId).and("areaCode").isNull()),
                Update.update("areaCode", areaCode), CaseLink.class);
    }

    /** The handler's latest feedback and its photos: what the 办结反馈 reports when the case closes. */
    public void rememberFeedback(String caseId, String text, List<String> photoIds) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(caseId)),
                Update.update("lastFeedback", text).set("lastFeedbackPhotos", photoIds), CaseLink.class);
    }

    /**
     * Records that the order went back to the hotline: intake could not take it. An order that never gets a case
     * belongs to the area of the grid the hotline named or, without one, to the whole installation
     * ({@code unplacedArea}), so the staff who look after the hotline there see it.
     */
    public void decline(String orderNumber, String caseId, String reason, Instant at, String unplacedArea) {
        // One round trip: the update answers with the order as it was, which names its grid if the hotline gave one.
        StoredOrder before = mongo.findAndModify(Query.query(Criteria.where("_id").is(orderNumber)),
                new Update().set("declinedAt", at).set("declineReason", reason), StoredOrder.class);
        String area = before != null && before.order() != null && before.order().gridCode() != null
                ? before.order().gridCode() : unplacedArea;
        placeCase(caseId, area);
    }

    public void markPublished(String orderNumber, Instant at) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(orderNumber)), Update.update("publishedAt", at),
                StoredOrder.class);
    }
}
