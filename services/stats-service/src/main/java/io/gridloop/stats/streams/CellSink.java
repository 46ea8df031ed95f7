package io.gridloop.stats.streams;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import com.mongodb.bulk.BulkWriteError;
import io.gridloop.stats.generations.Generation;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes cell shares to a generation's {@code stat_cells} as absolute values: a share's document is replaced whole,
 * and only by a newer version, so writing one twice (a task that sinks again after a restart) or late (an instance
 * that lost the partition and does not know yet) changes nothing. The documents keep the shape readers know — the
 * area's {@code code}, {@code bucket}, measures under {@code m} — plus the version {@code v}.
 */
@Component
class CellSink {

    static final int CHUNK = 500;

    private final MongoTemplate mongo;

    CellSink(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    void write(Generation generation, Map<String, PartialCell> shares) {
        MongoCollection<Document> cells = mongo.getCollection(generation.cells());
        List<WriteModel<Document>> writes = new ArrayList<>(Math.min(CHUNK, shares.size()));
        for (Map.Entry<String, PartialCell> e : shares.entrySet()) {
            PartialCell share = e.getValue();
            Document filter = new Document("_id", e.getKey()).append("v", new Document("$lt", share.version()));
            writes.add(new ReplaceOneModel<>(filter, document(e.getKey(), share),
                    new ReplaceOptions().upsert(true)));
            if (writes.size() == CHUNK) {
                send(cells, writes);
                writes.clear();
            }
        }
        send(cells, writes);
    }

    private static void send(MongoCollection<Document> cells, List<WriteModel<Document>> writes) {
        if (writes.isEmpty()) {
            return;
        }
        try {
            cells.bulkWrite(writes, new BulkWriteOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            // A duplicate key is the upsert of a share whose stored version is as new or newer: nothing to do.
            for (BulkWriteError error : e.getWriteErrors()) {
                if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
            }
        }
    }

    private static Document document(String id, PartialCell share) {
        // Only what readers use: areas' names, levels and parents are the known areas' (stat_areas), and a
        // year holds millions of these documents.
        return new Document("_id", id)
                .append("code", share.area().code())
                .append("bucket", share.bucket())
                .append("v", share.version())
                .append("m", nested(share.fields()));
    }

    /** {@code CAT|SRC.measure} and {@code CAT|SRC.h.3} as nested documents, the shape readers walk. */
    static Document nested(Map<String, Long> fields) {
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
        return m;
    }
}
