package io.gridloop.dispatch.casestore;

import io.gridloop.dispatch.lifecycle.OutboxEntry;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A small index of outbox entries not yet relayed, one marker per entry, written just before the case update
 * that adds the entry. The relay's sweep reads this collection instead of scanning every case: it stays as
 * small as the backlog, and the embedded MongoDB-wire server only indexes {@code _id}.
 *
 * <p>A marker without its entry (the case update failed, or the entry was relayed but the marker not yet
 * removed) is harmless: the sweep drops it once it is old enough not to belong to a write in progress. That is
 * why relayed entries' markers are removed a batch at a time rather than one delete per relay: a crash before
 * the batch leaves only such harmless markers.
 */
@Component
public class PendingOutbox implements SchedulingConfigurer {

    static final String COLLECTION = "outbox_pending";

    /** One marker: the outbox entry {@code id} of case {@code caseId}. */
    public record Marker(String id, String caseId, Instant createdAt) {
    }

    private final MongoTemplate mongo;
    private final Clock clock;
    private final Duration removalInterval;
    private final Queue<String> relayed = new ConcurrentLinkedQueue<>();

    PendingOutbox(MongoTemplate mongo, Clock clock, CaseStoreSettings settings) {
        this.mongo = mongo;
        this.clock = clock;
        this.removalInterval = settings.markerRemovalInterval();
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar tasks) {
        tasks.addFixedDelayTask(new FixedDelayTask(this::forgetRelayed, removalInterval, Duration.ZERO));
    }

    public void announce(String caseId, Collection<OutboxEntry> entries) {
        Instant now = clock.instant();
        for (OutboxEntry entry : entries) {
            try {
                mongo.insert(new Marker(entry.messageId(), caseId, now), COLLECTION);
            } catch (DuplicateKeyException alreadyAnnounced) {
                // A retried write announces the same entry again; one marker is enough.
            }
        }
    }

    /** Forgets the markers of relayed entries, with the next {@link #forgetRelayed()}. */
    public void done(Collection<String> entryIds) {
        relayed.addAll(entryIds);
    }

    void forgetRelayed() {
        List<String> ids = new ArrayList<>();
        for (String id = relayed.poll(); id != null && ids.size() < 1_000; id = relayed.poll()) {
            ids.add(id);
        }
        if (!ids.isEmpty()) {
            mongo.remove(Query.query(Criteria.where("_id").in(ids)), COLLECTION);
        }
    }

    public List<Marker> olderThan(Instant cutoff) {
        return mongo.find(Query.query(Criteria.where("createdAt").lt(cutoff)), Marker.class, COLLECTION);
    }

    public long count() {
        return mongo.count(new Query(), COLLECTION);
    }
}
