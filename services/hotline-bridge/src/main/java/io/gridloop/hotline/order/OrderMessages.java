package io.gridloop.hotline.order;

import io.gridloop.platform.problem.Refusal;
import io.gridloop.contracts.EventEnvelope;
import io.gridloop.contracts.Topic;
import io.gridloop.hotline.HotlineSettings;
import io.gridloop.platform.kafka.EventPublisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
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

    private static final Logger log = LoggerFactory.getLogger(OrderMessages.class);

    private final MongoTemplate mongo;
    private final OrderBook book;
    private final EventPublisher publisher;
    private final Clock clock;
    private final Duration publishTimeout;

    OrderMessages(MongoTemplate mongo, OrderBook book, EventPublisher publisher, Clock clock,
                  HotlineSettings settings) {
        this.mongo = mongo;
        this.book = book;
        this.publisher = publisher;
        this.clock = clock;
        this.publishTimeout = settings.publishTimeout();
    }

    /**
     * The order a message is about.
     *
     * @param what what the message is (回访, 延期审核结果), for the refusal
     * @throws Refusal 404 {@code UNKNOWN_ORDER}
     */
    public StoredOrder order(String orderNumber, String what) {
        return book.order(orderNumber).orElseThrow(() -> Refusal.notFound("UNKNOWN_ORDER",
                "工单不存在", "没有编号为 " + orderNumber + " 的工单，无法登记" + what));
    }

    /**
     * Stores {@code fresh} unless a message is stored under its id already, and answers with the one stored.
     *
     * @param what what the hotline calls it (回访, 延期审核), for the refusal
     * @throws Refusal 409 {@code idInUse} when the id is stored under another order
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
            throw Refusal.conflict(idInUse, what + "编号已被占用",
                    what + " " + fresh.id() + " 已登记在工单 " + stored.orderNumber() + " 下");
        }
        return new Kept<>(stored, existed && stored.publishedAt() != null);
    }

    /**
     * Publishes {@code envelope} for a stored {@code message} and records that Kafka has it: sent again, the
     * message is then answered as a duplicate and not published twice. Kafka away: 503, and the hotline sends the
     * message again under the same id.
     *
     * @param what what the message is (回访, 审核结果), for the 503's words
     */
    public <T> void publish(Topic<T> topic, EventEnvelope<T> envelope, Stored message, Class<? extends Stored> type,
                            String what) {
        try {
            publisher.publishAndWait(topic, envelope, publishTimeout);
        } catch (EventPublisher.PublishFailedException e) {
            log.warn("12345 {} {} stored but not published; answering 503: {}", topic.name(), message.id(),
                    e.getMessage());
            throw e.asProblem("消息服务暂不可用，" + what + "已保存但尚未转入网格平台；请稍后用相同编号重发");
        }
        mongo.updateFirst(Query.query(Criteria.where("_id").is(message.id())),
                Update.update("publishedAt", clock.instant()), type);
    }
}
