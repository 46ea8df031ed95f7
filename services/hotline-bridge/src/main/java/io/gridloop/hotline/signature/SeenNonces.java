package io.gridloop.hotline.signature;

import io.gridloop.hotline.HotlineSettings;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The nonces of the signed requests the hotline sent within the signature's time window, so a captured request
 * is accepted once, not again within those minutes. Shared by every bridge instance (the database's unique
 * {@code _id} decides which of two instances saw a nonce first); older ones are deleted, since a request that
 * old is refused as stale anyway.
 */
@Component
class SeenNonces implements SchedulingConfigurer {

    @Document("hotline_signature_nonces")
    record SeenNonce(@Id String nonce, Instant at) {
    }

    private final MongoTemplate mongo;
    private final Clock clock;
    /** Twice the signature's tolerance: a request can be that far from our clock either way. */
    private final Duration kept;
    private final Duration pruneInterval;

    SeenNonces(MongoTemplate mongo, Clock clock, HotlineSettings settings) {
        this.mongo = mongo;
        this.clock = clock;
        this.kept = settings.signatureTolerance().multipliedBy(2);
        this.pruneInterval = settings.noncePruneInterval();
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar tasks) {
        tasks.addFixedDelayTask(new FixedDelayTask(this::forgetOld, pruneInterval, pruneInterval));
    }

    /** @return whether {@code nonce} is new (and is now remembered) */
    boolean firstTime(String nonce) {
        try {
            mongo.insert(new SeenNonce(nonce, clock.instant()));
            return true;
        } catch (DuplicateKeyException seen) {
            return false;
        }
    }

    /** Forgets nonces no request inside the signature's window can carry any more. */
    void forgetOld() {
        forgetBefore(clock.instant().minus(kept));
    }

    long forgetBefore(Instant cutoff) {
        return mongo.remove(Query.query(Criteria.where("at").lt(cutoff)), SeenNonce.class).getDeletedCount();
    }
}
