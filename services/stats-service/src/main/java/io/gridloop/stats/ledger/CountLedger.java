package io.gridloop.stats.ledger;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
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
 * Applies transitions to the counts exactly once, with single-document writes only (no transactions), a batch
 * of one partition at a time:
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
    static final String FACTS = "case_facts";
    public static final String CELLS = "stat_cells";
    private static final int ATTEMPTS = 5;

    private final MongoTemplate mongo;
    private final KnownAreas areas;
    private final FactDocuments factDocuments;
    private final OverdueCases overdue;
    private volatile Checkpoint checkpoint = (stage, index) -> { };

    /** Where a test can stop a batch half-way, as a crash would. */
    interface Checkpoint {
        void reached(String stage, int index);
    }

    CountLedger(MongoTemplate mongo, KnownAreas areas, OverdueCases overdue) {
        this.mongo = mongo;
        this.areas = areas;
        this.overdue = overdue;
        this.factDocuments = new FactDocuments(mongo);
    }

    /**
     * Applies {@code records}, all from {@code partition} of one topic and in offset order.
     *
     * @param stream   a short tag of the topic, part of the stored offsets' names
     * @param changed  told about the facts of every case whose counts changed
     */
    public void apply(String stream, int partition, List<Positioned> records, Consumer<CaseFacts> changed) {
        if (records.isEmpty()) {
            return;
        }
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
        Map<String, Document> cellStates = new HashMap<>();
        if (!cells.isEmpty()) {
            for (Document d : mongo.getCollection(CELLS).find(Filters.in("_id", cells.keySet()))
                    .projection(Projections.include(appliedField))) {
                cellStates.put(d.getString("_id"), d);
            }
        }
        int written = 0;
        for (Map.Entry<String, List<Share>> e : sharesByCell.entrySet()) {
            checkpoint.reached("cell", written++);
            CellKey cell = cells.get(e.getKey());
            areas.remember(cell.area());
            writeCell(cell, e.getValue(), appliedField, batchEnd, cellStates.get(e.getKey()), cellStates
                    .containsKey(e.getKey()));
        }
        written = 0;
        for (Map.Entry<String, CaseFacts> e : current.entrySet()) {
            CaseFacts before = stored.get(e.getKey());
            if (before != e.getValue()) {
                checkpoint.reached("fact", written++);
                overdue.follow(before, e.getValue());
                factDocuments.store(before, e.getValue());
                changed.accept(e.getValue());
            }
        }
    }

    void checkpoint(Checkpoint checkpoint) {
        this.checkpoint = checkpoint;
    }

    private record Share(long offset, CellDelta delta) {
    }

    private void writeCell(CellKey cell, List<Share> shares, String appliedField, long batchEnd, Document state,
                           boolean exists) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            if (attempt > 0) {
                state = mongo.getCollection(CELLS).find(Filters.eq("_id", cell.id()))
                        .projection(Projections.include(appliedField)).first();
                exists = state != null;
            }
            long applied = exists ? appliedOf(state, appliedField) : -1;
            Map<String, Long> fields = new HashMap<>();
            boolean news = false;
            for (Share s : shares) {
                if (s.offset() > applied) {
                    news = true;
                    s.delta().fields().forEach((f, v) -> fields.merge(f, v, Long::sum));
                }
            }
            if (!news) {
                return;
            }
            // Shares that cancel out (a case closed, another re-opened) still move the offset: the cell has taken
            // those records, and must not take one of them again when a redelivery finds only one of the two
            // cases' facts still behind.
            fields.values().removeIf(v -> v == 0);
            if (!exists) {
                try {
                    mongo.getCollection(CELLS).insertOne(newCell(cell, fields, appliedField, batchEnd));
                    return;
                } catch (MongoWriteException e) {
                    if (isDuplicateKey(e)) {
                        continue;
                    }
                    throw e;
                }
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
            if (mongo.getCollection(CELLS).updateOne(guarded, update).getModifiedCount() == 1) {
                return;
            }
        }
        throw new IllegalStateException("cell " + cell.id() + " keeps changing under us; another consumer owns it?");
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

    /** Facts stored as documents with {@code _id} = case id, replaced only from the version they were read at. */
    private static final class FactDocuments {

        private final MongoTemplate mongo;

        FactDocuments(MongoTemplate mongo) {
            this.mongo = mongo;
        }

        Map<String, CaseFacts> load(List<String> caseIds) {
            Map<String, CaseFacts> out = new HashMap<>();
            for (Document d : mongo.getCollection(FACTS).find(Filters.in("_id", caseIds))) {
                out.put(d.getString("_id"), mongo.getConverter().read(CaseFacts.class, d));
            }
            return out;
        }

        /**
         * Stores {@code after} unless the stored facts are as new or newer. Facts only move forward: a consumer
         * that lost its partition but still finishes a batch (its cells were refused by their offsets) cannot set
         * them back, and one whose batch reached further than another's wins over it.
         */
        void store(CaseFacts before, CaseFacts after) {
            Document doc = new Document();
            mongo.getConverter().write(after, doc);
            doc.remove("_class");
            doc.put("_id", after.caseId());
            for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
                long replaced = mongo.getCollection(FACTS).replaceOne(
                        new Document("_id", after.caseId()).append("sequence", new Document("$lt", after.sequence())),
                        doc).getMatchedCount();
                if (replaced == 1) {
                    return;
                }
                Document stored = mongo.getCollection(FACTS).find(Filters.eq("_id", after.caseId()))
                        .projection(Projections.include("sequence")).first();
                if (stored != null) {
                    log.warn("Facts of case {} are at sequence {} already (ours: {}); keeping them", after.caseId(),
                            stored.getInteger("sequence", 0), after.sequence());
                    return;
                }
                try {
                    mongo.getCollection(FACTS).insertOne(doc);
                    return;
                } catch (MongoWriteException e) {
                    if (!isDuplicateKey(e)) {
                        throw e;
                    }
                }
            }
        }
    }

    private static boolean isDuplicateKey(MongoWriteException e) {
        return e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY;
    }
}
