package io.gridloop.stats.generations;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.UpdateOptions;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Which generation of counts is read, and the rebuild of the next one if one runs: a single document
 * ({@code stat_generations}, {@code _id} = {@code counts}) every instance reads. Writers read it afresh for every
 * poll — what they write depends on it; readers may use a view up to a second old.
 */
@Component
public class Generations {

    static final String COLLECTION = "stat_generations";
    private static final String ID = "counts";
    private static final Duration READ_CACHE = Duration.ofSeconds(1);

    private final MongoTemplate mongo;
    private final Clock clock;
    private volatile Cached cached;

    private record Cached(Generation generation, Instant readAt) {
    }

    Generations(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /**
     * A rebuild: counting the transitions topic again from its start into {@code target}.
     *
     * @param applied  per partition, the last offset the target holds every record up to
     * @param begins   per partition, the first offset of the topic when last looked at (progress display)
     * @param ends     per partition, the offset after the last record when last looked at (progress display)
     * @param running  false once readers have switched to the target (or it was never finished: see finishedAt)
     */
    public record Rebuild(String id, Generation target, Instant startedAt, String startedBy, Instant finishedAt,
                          String owner, Instant heartbeatAt, Map<Integer, Long> applied, Map<Integer, Long> begins,
                          Map<Integer, Long> ends, boolean running) {

        /** The last offset of {@code partition} the target holds every record up to; -1 if none. */
        public long appliedIn(int partition) {
            return applied.getOrDefault(partition, -1L);
        }
    }

    /**
     * What counts are read, and the rebuild (running or the last one), if any.
     *
     * @param readingApp the Kafka Streams application that keeps {@code reading} up to date; absent for counts
     *                   kept by the batch ledger
     */
    public record State(Generation reading, String readingApp, Rebuild rebuild) {

        /** The generation a rebuild is filling now, or null. */
        public Generation building() {
            return rebuild != null && rebuild.running() ? rebuild.target() : null;
        }
    }

    /** The state as stored now. */
    public State current() {
        return stateOf(collection().find(new Document("_id", ID)).first());
    }

    /** The generation queries read, as of at most a second ago. */
    public Generation reading() {
        Cached c = cached;
        Instant now = clock.instant();
        if (c == null || c.readAt().plus(READ_CACHE).isBefore(now)) {
            c = new Cached(current().reading(), now);
            cached = c;
        }
        return c.generation();
    }

    /**
     * Starts a rebuild into a fresh generation after the newest one there has been, owned by {@code owner} from
     * the start: nobody else writes the target while its collections are emptied.
     *
     * @return the rebuild started; null if one is running already
     */
    public Rebuild start(String by, String owner) {
        State now = current();
        if (now.building() != null) {
            return null;
        }
        int newest = Math.max(now.reading().number(), now.rebuild() == null ? 0 : now.rebuild().target().number());
        Generation target = new Generation(newest + 1);
        Instant at = clock.instant();
        Document rebuild = new Document("id", UUID.randomUUID().toString()).append("target", target.number())
                .append("startedAt", Date.from(at)).append("startedBy", by).append("owner", owner)
                .append("heartbeatAt", Date.from(at)).append("applied", new Document()).append("running", true);
        // Only if nothing started meanwhile: the filter matches no running rebuild, and the upsert's duplicate
        // key (a document that does have one) is the "already running" answer.
        Document filter = new Document("_id", ID).append("rebuild.running", new Document("$ne", true));
        Document after;
        try {
            after = collection().findOneAndUpdate(filter,
                    new Document("$set", new Document("rebuild", rebuild))
                            .append("$setOnInsert", new Document("read", now.reading().number())),
                    new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
        } catch (MongoException e) {
            if (current().building() != null) {
                return null;
            }
            throw e;
        }
        // The target starts empty, and generations nobody reads any more (the one read before the last switch,
        // a target an older rebuild never finished) go: nothing writes them once a rebuild has finished.
        for (int g = 0; g <= target.number(); g++) {
            Generation old = new Generation(g);
            if (!old.equals(now.reading())) {
                for (String name : new String[] {old.cells(), old.facts(), old.overdue()}) {
                    mongo.getCollection(name).drop();
                }
            }
        }
        return stateOf(after).rebuild();
    }

    /**
     * Makes {@code owner} the one running rebuild {@code id} if nobody is, or its owner has not been heard of for
     * {@code lease}: an instance that stopped mid-way is taken over, from where the target stands.
     */
    public boolean claim(String id, String owner, Duration lease) {
        Instant now = clock.instant();
        Document filter = new Document("_id", ID).append("rebuild.id", id).append("rebuild.running", true)
                .append("$or", List.of(new Document("rebuild.owner", owner),
                        new Document("rebuild.owner", null),
                        new Document("rebuild.heartbeatAt", new Document("$lt", Date.from(now.minus(lease))))));
        return collection().updateOne(filter, new Document("$set", new Document("rebuild.owner", owner)
                .append("rebuild.heartbeatAt", Date.from(now)))).getMatchedCount() == 1;
    }

    /** The owner is alive and saw the topic from {@code begins} to {@code ends}; false if it no longer owns it. */
    public boolean heartbeat(String id, String owner, Map<Integer, Long> begins, Map<Integer, Long> ends) {
        Document filter = new Document("_id", ID).append("rebuild.id", id).append("rebuild.running", true)
                .append("rebuild.owner", owner);
        return collection().updateOne(filter, new Document("$set", new Document("rebuild.heartbeatAt",
                Date.from(clock.instant())).append("rebuild.begins", offsets(begins))
                .append("rebuild.ends", offsets(ends)))).getMatchedCount() == 1;
    }

    /** The target of rebuild {@code id} now holds every record of {@code partition} up to {@code offset}. */
    public void advance(String id, int partition, long offset) {
        Document filter = new Document("_id", ID).append("rebuild.id", id).append("rebuild.running", true);
        collection().updateOne(filter, new Document("$max", new Document("rebuild.applied." + partition, offset)));
    }

    /**
     * Counts in the reading generation are kept by Kafka Streams application {@code app} from now on, if no
     * application keeps them yet (a fresh installation).
     *
     * @return whether {@code app} is now the reading generation's application
     */
    public boolean adopt(String app) {
        try {
            collection().updateOne(new Document("_id", ID).append("readApp", new Document("$exists", false)),
                    new Document("$set", new Document("readApp", app)), new UpdateOptions().upsert(true));
        } catch (MongoException e) {
            // the duplicate key of the upsert: another instance adopted one first
        }
        cached = null;
        return app.equals(current().readingApp());
    }

    /**
     * Kafka Streams application {@code app} has written the counts of every record of {@code partition} up to
     * {@code offset} to its generation's cells.
     */
    public void written(String app, int partition, long offset) {
        collection().updateOne(new Document("_id", ID),
                new Document("$max", new Document("written." + app + "." + partition, offset)));
    }

    /** Per partition, the last offset whose counts application {@code app} has written; empty if none. */
    public Map<Integer, Long> writtenBy(String app) {
        Document d = collection().find(new Document("_id", ID)).first();
        Document written = d == null ? null : d.get("written", Document.class);
        return partitions(written == null ? null : written.get(app, Document.class));
    }

    /** Readers switch to the rebuild's target; false if {@code owner} no longer runs rebuild {@code id}. */
    public boolean finish(String id, String owner, Generation target) {
        return finish(id, owner, target, null);
    }

    /**
     * Readers switch to the rebuild's target, kept from now on by Kafka Streams application {@code app} (absent:
     * by the batch ledger); false if {@code owner} no longer runs rebuild {@code id}.
     */
    public boolean finish(String id, String owner, Generation target, String app) {
        Document filter = new Document("_id", ID).append("rebuild.id", id).append("rebuild.running", true)
                .append("rebuild.owner", owner);
        Document update = new Document("$set", new Document("read", target.number())
                .append("rebuild.running", false).append("rebuild.finishedAt", Date.from(clock.instant())));
        if (app != null) {
            update.get("$set", Document.class).append("readApp", app);
        } else {
            update.append("$unset", new Document("readApp", ""));
        }
        boolean done = collection().updateOne(filter, update).getMatchedCount() == 1;
        cached = null;
        return done;
    }

    private MongoCollection<Document> collection() {
        return mongo.getCollection(COLLECTION);
    }

    private static Document offsets(Map<Integer, Long> byPartition) {
        Document d = new Document();
        byPartition.forEach((p, o) -> d.append(String.valueOf(p), o));
        return d;
    }

    private static State stateOf(Document d) {
        if (d == null) {
            return new State(Generation.FIRST, null, null);
        }
        Generation reading = new Generation(d.getInteger("read", 0));
        String app = d.getString("readApp");
        Document r = d.get("rebuild", Document.class);
        if (r == null) {
            return new State(reading, app, null);
        }
        return new State(reading, app, new Rebuild(r.getString("id"), new Generation(r.getInteger("target")),
                instant(r.getDate("startedAt")), r.getString("startedBy"), instant(r.getDate("finishedAt")),
                r.getString("owner"), instant(r.getDate("heartbeatAt")), partitions(r.get("applied", Document.class)),
                partitions(r.get("begins", Document.class)), partitions(r.get("ends", Document.class)),
                r.getBoolean("running", false)));
    }

    private static Map<Integer, Long> partitions(Document d) {
        Map<Integer, Long> out = new TreeMap<>();
        if (d != null) {
            d.forEach((p, o) -> out.put(Integer.parseInt(p), ((Number) o).longValue()));
        }
        return out;
    }

    private static Instant instant(Date d) {
        return d == null ? null : d.toInstant();
    }
}
