package io.gridloop.stats.ledger;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoWriteException;
import com.mongodb.bulk.BulkWriteResult;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.WriteModel;
import io.gridloop.contracts.event.CaseTransitioned;
import io.gridloop.stats.counting.CaseFacts;
import io.gridloop.stats.counting.CellDelta;
import io.gridloop.stats.counting.CellKey;
import io.gridloop.stats.counting.Contribution;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Applies transitions to the counts exactly once, with single-document writes only (sent in bulk, but no
 * transactions), a batch of one partition at a time:
 * <ol>
 *   <li>fold each transition into its case's facts (loaded once per batch); a transition at or below the
 *       facts' sequence was folded in before — a duplicate publication or a replay — and adds nothing;</li>
 *   <li>add each cell's share of {@code contribution(after) − contribution(before)}, but only of the records
 *       past the offset the cell has applied from this partition ({@code applied.<stream><partition>}), and
 *       move that offset to the batch's last;</li>
 *   <li>only then bring the overdue list in line, and store the new facts, guarded by the sequence they were
 *       read at.</li>
 * </ol>
 * A crash anywhere is healed by redelivery: cells written before it skip what they already hold, and facts
 * still hold the state before the batch, so the deltas come out the same. Replaying a topic from the start adds
 * nothing; replaying it into an empty database rebuilds the same numbers.
 */
@Service
public class CountLedger {

    private static final Logger log = LoggerFactory.getLogger(CountLedger.class);
    /** The stream tag of the case transitions topic, whoever reads it: the listener or a rebuild. */
    public static final String TRANSITIONS = "t";
    private static final int ATTEMPTS = 5;
    /** Writes per bulk write: a batch's cells and facts take a few round trips instead of one each. */
    static final int CHUNK = 32;

    private final MongoTemplate mongo;
    private final KnownAreas areas;
    private final OverdueCases overdue;
    private final LastWritten lastWritten = new LastWritten(100_000);
    private volatile Checkpoint checkpoint = (stage, index) -> { };

    /** Where a test can stop a batch half-way, as a crash would. */
    interface Checkpoint {
        void reached(String stage, int index);
    }

    CountLedger(MongoTemplate mongo, KnownAreas areas, OverdueCases overdue) {
        this.mongo = mongo;
        this.areas = areas;
        this.overdue = overdue;
    }

    /**
     * Applies {@code records}, all from {@code partition} of one topic and in offset order, to the counts of
     * {@code generation}.
     *
     * @param stream   a short tag of the topic, part of the stored offsets' names
     * @param changed  told about the facts of every case whose counts changed
     */
    public void apply(Generation generation, String stream, int partition, List<Positioned> records,
                      Consumer<CaseFacts> changed) {
        if (records.isEmpty()) {
            return;
        }
        MongoCollection<Document> cellCollection = mongo.getCollection(generation.cells());
        FactDocuments factDocuments = new FactDocuments(mongo, generation.facts());
        long batchEnd = records.getLast().offset();
        Map<String, CaseFacts> stored = factDocuments.load(records.stream()
                .map(r -> r.transition().caseId()).distinct().toList());
        Map<String, CaseFacts> current = new HashMap<>(stored);
        Map<String, List<Share>> sharesByCell = new LinkedHashMap<>();
        Map<String, CellKey> cells = new HashMap<>();
        for (Positioned r : records) {
            CaseTransitioned t = r.transition();
            CaseFacts before = current.get(t.caseId());
            if (before != null && !before.isBehind(t)) {
                continue;
            }
            CaseFacts after = CaseFacts.fold(before, t);
            current.put(t.caseId(), after);
            for (CellDelta d : Contribution.delta(before, after).values()) {
                sharesByCell.computeIfAbsent(d.cell().id(), id -> new ArrayList<>()).add(new Share(r.offset(), d));
                cells.put(d.cell().id(), d.cell());
            }
        }
        String appliedField = "applied." + stream + partition;
        String guessKey = generation.cells() + " " + appliedField;
        // Each cell's applied offset: as this instance last wrote it, if some share is newer than that (the write's
        // guard then checks the guess), read from the database otherwise; absent: no such cell yet.
        Map<String, Long> appliedOffsets = new HashMap<>();
        List<String> unknown = new ArrayList<>();
        sharesByCell.forEach((id, shares) -> {
            Long written = lastWritten.get(guessKey, id);
            if (written != null && shares.getLast().offset() > written) {
                appliedOffsets.put(id, written);
            } else {
                unknown.add(id);
            }
        });
        if (!unknown.isEmpty()) {
            for (Document d : cellCollection.find(Filters.in("_id", unknown))
                    .projection(Projections.include(appliedField))) {
                appliedOffsets.put(d.getString("_id"), appliedOf(d, appliedField));
            }
        }
        CellWrites cellWrites = new CellWrites(cellCollection, guessKey, appliedField, batchEnd);
        int written = 0;
        for (Map.Entry<String, List<Share>> e : sharesByCell.entrySet()) {
            checkpoint.reached("cell", written++);
            CellKey cell = cells.get(e.getKey());
            areas.remember(cell.area());
            cellWrites.add(cell, e.getValue(), appliedOffsets.get(e.getKey()));
        }
        cellWrites.flush();
        written = 0;
        FactDocuments.Writes factWrites = factDocuments.writes();
        List<CaseFacts> moved = new ArrayList<>();
        for (Map.Entry<String, CaseFacts> e : current.entrySet()) {
            CaseFacts before = stored.get(e.getKey());
            if (before != e.getValue()) {
                checkpoint.reached("fact", written++);
                overdue.follow(generation, before, e.getValue());
                factWrites.add(before, e.getValue());
                moved.add(e.getValue());
            }
        }
        factWrites.flush();
        moved.forEach(changed);
    }

    void checkpoint(Checkpoint checkpoint) {
        this.checkpoint = checkpoint;
    }

    private record Share(long offset, CellDelta delta) {
    }

    /** A cell with what it takes from this batch. */
    private record CellShares(CellKey cell, List<Share> shares) {
    }

    /**
     * The cells' writes of one batch, sent {@value #CHUNK} to a bulk write: one round trip instead of one per
     * cell. Each write is guarded by the offset its cell was read at, so whatever a chunk misses (a cell created
     * or moved by another consumer meanwhile) is simply done again cell by cell from a fresh read; a crash
     * between chunks leaves cells that know what they hold.
     */
    private final class CellWrites {

        private final MongoCollection<Document> cells;
        private final String guessKey;
        private final String appliedField;
        private final long batchEnd;
        private final List<CellShares> pending = new ArrayList<>();
        private final List<WriteModel<Document>> writes = new ArrayList<>();

        CellWrites(MongoCollection<Document> cells, String guessKey, String appliedField, long batchEnd) {
            this.cells = cells;
            this.guessKey = guessKey;
            this.appliedField = appliedField;
            this.batchEnd = batchEnd;
        }

        void add(CellKey cell, List<Share> shares, Long applied) {
            WriteModel<Document> write = cellWrite(cell, shares, appliedField, batchEnd, applied);
            if (write == null) {
                return;
            }
            pending.add(new CellShares(cell, shares));
            writes.add(write);
            if (writes.size() == CHUNK) {
                flush();
            }
        }

        void flush() {
            if (writes.isEmpty()) {
                return;
            }
            if (bulkWrite(cells, writes)) {
                pending.forEach(c -> lastWritten.put(guessKey, c.cell().id(), batchEnd));
            } else {
                for (CellShares c : pending) {
                    lastWritten.forget(guessKey, c.cell().id());
                    writeCellAlone(cells, guessKey, c.cell(), c.shares(), appliedField, batchEnd);
                }
            }
            pending.clear();
            writes.clear();
        }
    }

    /**
     * The write that adds the shares past the cell's applied offset, guarded by that offset; {@code null} if the
     * cell holds them all already. {@code stored} is the cell's applied offset (-1: never from this partition),
     * null if there is no such cell.
     */
    private static WriteModel<Document> cellWrite(CellKey cell, List<Share> shares, String appliedField,
                                                  long batchEnd, Long stored) {
        long applied = stored != null ? stored : -1;
        Map<String, Long> fields = new HashMap<>();
        boolean news = false;
        for (Share s : shares) {
            if (s.offset() > applied) {
                news = true;
                s.delta().fields().forEach((f, v) -> fields.merge(f, v, Long::sum));
            }
        }
        if (!news) {
            return null;
        }
        // Shares that cancel out (a case closed, another re-opened) still move the offset: the cell has taken
        // those records, and must not take one of them again when a redelivery finds only one of the two
        // cases' facts still behind.
        fields.values().removeIf(v -> v == 0);
        if (stored == null) {
            return new InsertOneModel<>(newCell(cell, fields, appliedField, batchEnd));
        }
        // One flat filter document, not Filters.and (which renders $and): a real MongoDB serves either from
        // the _id index, the embedded server only a flat one.
        Document guarded = new Document("_id", cell.id()).append(appliedField,
                applied >= 0 ? applied : new Document("$exists", false));
        Document inc = new Document();
        fields.forEach((f, v) -> inc.append("m." + f, v));
        Document set = new Document(appliedField, batchEnd);
        if (cell.area().name() != null) {
            set.append("name", cell.area().name());
        }
        Document update = new Document("$set", set);
        if (!inc.isEmpty()) {
            update.append("$inc", inc);
        }
        return new UpdateOneModel<>(guarded, update);
    }

    /** One cell on its own, re-read before every attempt: the path for cells a bulk write missed. */
    private void writeCellAlone(MongoCollection<Document> cells, String guessKey, CellKey cell, List<Share> shares,
                                String appliedField, long batchEnd) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Document state = cells.find(Filters.eq("_id", cell.id()))
                    .projection(Projections.include(appliedField)).first();
            WriteModel<Document> write = cellWrite(cell, shares, appliedField, batchEnd,
                    state == null ? null : appliedOf(state, appliedField));
            if (write == null) {
                return;
            }
            if (bulkWrite(cells, List.of(write))) {
                lastWritten.put(guessKey, cell.id(), batchEnd);
                return;
            }
        }
        throw new IllegalStateException("cell " + cell.id() + " keeps changing under us; another consumer owns it?");
    }

    /**
     * Sends {@code writes} unordered in one round trip.
     *
     * @return whether every one of them took effect; false if an insert met an existing document or a guarded
     * update or replacement matched nothing (the caller then looks again, one by one)
     */
    private static boolean bulkWrite(MongoCollection<Document> collection, List<WriteModel<Document>> writes) {
        try {
            BulkWriteResult result = collection.bulkWrite(writes, new BulkWriteOptions().ordered(false));
            return result.getInsertedCount() + result.getMatchedCount() == writes.size();
        } catch (MongoBulkWriteException e) {
            if (e.getWriteErrors().stream().allMatch(w -> ErrorCategory.fromErrorCode(w.getCode())
                    == ErrorCategory.DUPLICATE_KEY)) {
                return false;
            }
            throw e;
        }
    }

    private static long appliedOf(Document state, String appliedField) {
        Object applied = state.getEmbedded(List.of(appliedField.split("\\.")), Object.class);
        return applied instanceof Number n ? n.longValue() : -1;
    }

    private static Document newCell(CellKey cell, Map<String, Long> fields, String appliedField, long batchEnd) {
        Document m = new Document();
        fields.forEach((path, v) -> {
            String[] parts = path.split("\\.");
            Document at = m;
            for (int i = 0; i < parts.length - 1; i++) {
                Object next = at.get(parts[i]);
                if (!(next instanceof Document)) {
                    next = new Document();
                    at.put(parts[i], next);
                }
                at = (Document) next;
            }
            at.put(parts[parts.length - 1], v);
        });
        String[] applied = appliedField.split("\\.");
        return new Document("_id", cell.id())
                .append("level", cell.area().level().name())
                .append("code", cell.area().code())
                .append("name", cell.area().name())
                .append("parent", cell.area().parentCode())
                .append("bucket", cell.bucket())
                .append(applied[0], new Document(applied[1], batchEnd))
                .append("m", m);
    }

    /**
     * The applied offsets this instance wrote last, most recently used cells kept: the next batch of a partition
     * need not read back what the last one wrote. Only ever a guess — every write is guarded by the offset it
     * assumes, and a guess that turns out wrong (another consumer, a rebuilt database) costs a re-read — and it
     * never decides that a cell holds a record already: that takes a read.
     */
    private static final class LastWritten {

        private final Map<String, Long> offsets;

        LastWritten(int capacity) {
            this.offsets = new LinkedHashMap<>(1024, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
                    return size() > capacity;
                }
            };
        }

        /** {@code field}: the cell collection and the applied offset's name, as a generation's cells differ. */
        synchronized Long get(String field, String cellId) {
            return offsets.get(field + " " + cellId);
        }

        synchronized void put(String field, String cellId, long offset) {
            offsets.put(field + " " + cellId, offset);
        }

        synchronized void forget(String field, String cellId) {
            offsets.remove(field + " " + cellId);
        }
    }

    /**
     * Facts stored as documents with {@code _id} = case id, replaced only from the version they were read at,
     * {@value #CHUNK} to a bulk write.
     */
    private static final class FactDocuments {

        private final MongoTemplate mongo;
        private final String collection;

        FactDocuments(MongoTemplate mongo, String collection) {
            this.mongo = mongo;
            this.collection = collection;
        }

        Map<String, CaseFacts> load(List<String> caseIds) {
            Map<String, CaseFacts> out = new HashMap<>();
            for (Document d : mongo.getCollection(collection).find(Filters.in("_id", caseIds))) {
                out.put(d.getString("_id"), mongo.getConverter().read(CaseFacts.class, d));
            }
            return out;
        }

        /** The fact writes of one batch. */
        Writes writes() {
            return new Writes();
        }

        final class Writes {

            private final List<CaseFacts> pending = new ArrayList<>();
            private final List<WriteModel<Document>> writes = new ArrayList<>();

            /** Queues {@code after} to replace {@code before} (null: the case is new here). */
            void add(CaseFacts before, CaseFacts after) {
                Document doc = documentOf(after);
                pending.add(after);
                writes.add(before == null ? new InsertOneModel<>(doc)
                        : new ReplaceOneModel<>(newerThanStored(after), doc));
                if (writes.size() == CHUNK) {
                    flush();
                }
            }

            void flush() {
                if (writes.isEmpty()) {
                    return;
                }
                if (!bulkWrite(mongo.getCollection(collection), writes)) {
                    pending.forEach(FactDocuments.this::store);
                }
                pending.clear();
                writes.clear();
            }
        }

        /**
         * Stores {@code after} unless the stored facts are as new or newer. Facts only move forward: a consumer
         * that lost its partition but still finishes a batch (its cells were refused by their offsets) cannot set
         * them back, and one whose batch reached further than another's wins over it.
         */
        private void store(CaseFacts after) {
            Document doc = documentOf(after);
            for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
                long replaced = mongo.getCollection(collection).replaceOne(newerThanStored(after), doc).getMatchedCount();
                if (replaced == 1) {
                    return;
                }
                Document stored = mongo.getCollection(collection).find(Filters.eq("_id", after.caseId()))
                        .projection(Projections.include("sequence")).first();
                if (stored != null) {
                    int at = stored.getInteger("sequence", 0);
                    if (at > after.sequence()) {
                        log.warn("Facts of case {} are at sequence {} already (ours: {}); keeping them",
                                after.caseId(), at, after.sequence());
                    }
                    return;  // as new as ours: this bulk write stored them before another write failed
                }
                try {
                    mongo.getCollection(collection).insertOne(doc);
                    return;
                } catch (MongoWriteException e) {
                    if (!isDuplicateKey(e)) {
                        throw e;
                    }
                }
            }
        }

        private static Document newerThanStored(CaseFacts after) {
            return new Document("_id", after.caseId()).append("sequence", new Document("$lt", after.sequence()));
        }

        private Document documentOf(CaseFacts facts) {
            Document doc = new Document();
            mongo.getConverter().write(facts, doc);
            doc.remove("_class");
            doc.put("_id", facts.caseId());
            return doc;
        }
    }

    private static boolean isDuplicateKey(MongoWriteException e) {
        return e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY;
    }
}
