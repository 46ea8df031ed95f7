package io.gridloop.stats.ledger;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.WriteModel;
import io.gridloop.stats.counting.CellDelta;
import io.gridloop.stats.counting.CellKey;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The count cells of a generation: one document per area and day or month, holding its measures ({@code m}) and,
 * per partition of each stream, the offset it has applied up to ({@code applied.<stream><partition>}). A cell takes
 * a record only past that offset, and every write is guarded by the offset it was computed from, so a cell never
 * takes a record twice — whoever else writes it meanwhile.
 */
@Component
class CellStore {

    private final MongoTemplate mongo;
    private final LastWritten lastWritten = new LastWritten(100_000);

    CellStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** What one record adds to one cell. */
    record Share(long offset, CellDelta delta) {
    }

    /** The cell writes of one batch: records of one partition of one stream, up to {@code batchEnd}. */
    Batch batch(Generation generation, String stream, int partition, long batchEnd) {
        return new Batch(mongo.getCollection(generation.cells()), "applied." + stream + partition, batchEnd);
    }

    /** A cell with what it takes from this batch. */
    private record CellShares(CellKey cell, List<Share> shares) {
    }

    /**
     * The cells' writes of one batch, sent {@value Bulk#CHUNK} to a bulk write: one round trip instead of one per
     * cell. Each write is guarded by the offset its cell was read at, so whatever a chunk misses (a cell created
     * or moved by another consumer meanwhile) is simply done again cell by cell from a fresh read; a crash
     * between chunks leaves cells that know what they hold.
     */
    final class Batch {

        private final MongoCollection<Document> cells;
        private final String appliedField;
        private final String guessKey;
        private final long batchEnd;
        private final List<CellShares> pending = new ArrayList<>();
        private final List<WriteModel<Document>> writes = new ArrayList<>();

        private Batch(MongoCollection<Document> cells, String appliedField, long batchEnd) {
            this.cells = cells;
            this.appliedField = appliedField;
            this.guessKey = cells.getNamespace().getCollectionName() + " " + appliedField;
            this.batchEnd = batchEnd;
        }

        /**
         * Each cell's applied offset: as this instance last wrote it, if some share is newer than that (the write's
         * guard then checks the guess), read from the database otherwise; absent: no such cell yet.
         */
        Map<String, Long> appliedOffsets(Map<String, List<Share>> sharesByCell) {
            Map<String, Long> applied = new HashMap<>();
            List<String> unknown = new ArrayList<>();
            sharesByCell.forEach((id, shares) -> {
                Long written = lastWritten.get(guessKey, id);
                if (written != null && shares.getLast().offset() > written) {
                    applied.put(id, written);
                } else {
                    unknown.add(id);
                }
            });
            if (!unknown.isEmpty()) {
                for (Document d : cells.find(Filters.in("_id", unknown)).projection(Projections.include(appliedField))) {
                    applied.put(d.getString("_id"), appliedOf(d, appliedField));
                }
            }
            return applied;
        }

        /** Queues the shares of {@code cell} past {@code applied} (null: no such cell yet). */
        void add(CellKey cell, List<Share> shares, Long applied) {
            WriteModel<Document> write = cellWrite(cell, shares, appliedField, batchEnd, applied);
            if (write == null) {
                return;
            }
            pending.add(new CellShares(cell, shares));
            writes.add(write);
            if (writes.size() == Bulk.CHUNK) {
                flush();
            }
        }

        void flush() {
            if (writes.isEmpty()) {
                return;
            }
            if (Bulk.write(cells, writes)) {
                pending.forEach(c -> lastWritten.put(guessKey, c.cell().id(), batchEnd));
            } else {
                for (CellShares c : pending) {
                    lastWritten.forget(guessKey, c.cell().id());
                    writeAlone(c.cell(), c.shares());
                }
            }
            pending.clear();
            writes.clear();
        }

        /** One cell on its own, re-read before every attempt: the path for cells a bulk write missed. */
        private void writeAlone(CellKey cell, List<Share> shares) {
            for (int attempt = 0; attempt < Bulk.ATTEMPTS; attempt++) {
                Document state = cells.find(Filters.eq("_id", cell.id()))
                        .projection(Projections.include(appliedField)).first();
                WriteModel<Document> write = cellWrite(cell, shares, appliedField, batchEnd,
                        state == null ? null : appliedOf(state, appliedField));
                if (write == null) {
                    return;
                }
                if (Bulk.write(cells, List.of(write))) {
                    lastWritten.put(guessKey, cell.id(), batchEnd);
                    return;
                }
            }
            throw new IllegalStateException("cell " + cell.id()
                    + " keeps changing under us; another consumer owns it?");
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
}
