package io.gridloop.hotline.order;

import io.gridloop.platform.web.ApiException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;

/**
 * What the hotline sends about one of its orders under an id of its own — a return visit, an answer to an
 * extension request: stored under that id before anything else, then passed on to Kafka once, however often
 * the hotline sends it (a lost answer makes it send again).
 */
@Component
public class OrderMessages {

    /** A message as stored: its id is the hotline's, and it belongs to one order. */
    public interface Stored {

        String id();

        String orderNumber();

        /** When Kafka acknowledged it; {@code null} until then. */
        Instant publishedAt();
    }

    /** @param duplicate whether it had come, and been passed on, before */
    public record Kept<S extends Stored>(S message, boolean duplicate) {
    }

    private final MongoTemplate mongo;
    private final Clock clock;

    OrderMessages(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /**
     * Stores {@code fresh} unless a message is stored under its id already, and answers with the one stored.
     *
     * @param what what the hotline calls it (回访, 延期审核), for the refusal
     * @throws ApiException 409 {@code idInUse} when the id is stored under another order
     */
    public <S extends Stored> Kept<S> keep(S fresh, Class<S> type, String what, String idInUse) {
        S stored;
        boolean existed = false;
        try {
            stored = mongo.insert(fresh);
        } catch (DuplicateKeyException again) {
            stored = mongo.findById(fresh.id(), type);
            existed = true;
            if (stored == null) {
                throw again;
            }
        }
        if (!stored.orderNumber().equals(fresh.orderNumber())) {
            throw new ApiException(HttpStatus.CONFLICT, idInUse, what + "编号已被占用",
                    what + " " + fresh.id() + " 已登记在工单 " + stored.orderNumber() + " 下");
        }
        return new Kept<>(stored, existed && stored.publishedAt() != null);
    }

    /** Kafka has {@code message}: sent again, it is answered as a duplicate and not published twice. */
    public void published(Stored message, Class<? extends Stored> type) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(message.id())),
                Update.update("publishedAt", clock.instant()), type);
    }
}
