package io.gridloop.stats.ledger;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoWriteException;
import com.mongodb.bulk.BulkWriteResult;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.WriteModel;
import org.bson.Document;

import java.util.List;

/** Guarded writes sent together, as both stores of the ledger send them. */
final class Bulk {

    /** Writes per bulk write: a batch's cells and facts take a few round trips instead of one each. */
    static final int CHUNK = 32;
    /** How often a write that keeps meeting a newer document is read and tried again before giving up. */
    static final int ATTEMPTS = 5;

    private Bulk() {
    }

    /**
     * Sends {@code writes} unordered in one round trip.
     *
     * @return whether every one of them took effect; false if an insert met an existing document or a guarded
     * update or replacement matched nothing (the caller then looks again, one by one)
     */
    static boolean write(MongoCollection<Document> collection, List<WriteModel<Document>> writes) {
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

    static boolean isDuplicateKey(MongoWriteException e) {
        return e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY;
    }
}
