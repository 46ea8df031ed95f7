package io.gridloop.infra;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The H2 file gives back the space of dead data when the server opens it ({@link StoreCompaction}), so a store
 * that was written and rewritten for a year holds about what is live, compressed — not every version ever written.
 */
class H2StoreSizeTest {

    private static final int CASES = 3_000;

    @TempDir
    Path dir;

    private Path file() {
        return dir.resolve("gridloop.mv");
    }

    private static int livePercent(Path file) {
        try (MVStore store = new MVStore.Builder().fileName(file.toString()).readOnly().open()) {
            return store.getFileStore().getChunksFillRate();
        }
    }

    /** Cases opened, each updated a few times in the order work happens, then most of them gone. */
    private List<String> writeAndRewrite(MongoCollection<Document> c) {
        String description = "井盖缺失破损，".repeat(40);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < CASES; i++) {
            ids.add("case-" + i);
            c.insertOne(new Document("_id", "case-" + i).append("step", 0).append("description", description));
        }
        Random random = new Random(7);
        for (int round = 1; round <= 3; round++) {
            Collections.shuffle(ids, random);
            for (String id : ids) {
                c.updateOne(Filters.eq("_id", id), Updates.set("step", round));
            }
        }
        List<String> kept = new ArrayList<>(ids.subList(0, CASES / 4));
        ids.subList(CASES / 4, CASES).forEach(id -> c.deleteOne(Filters.eq("_id", id)));
        return kept;
    }

    @Test
    void shouldGiveBackTheSpaceOfDeadDataWhenTheStoreOpens() throws IOException {
        int port = FreePort.next();
        List<String> kept;
        try (MongoWireServer server = MongoWireServer.startPersistent(dir, port);
             MongoClient client = MongoClients.create(server.connectionString())) {
            kept = writeAndRewrite(client.getDatabase("t").getCollection("c"));
        }
        long written = Files.size(file());
        assertThat(livePercent(file())).as("mostly dead before").isLessThan(StoreCompaction.COMPACT_BELOW_PERCENT);

        try (MongoWireServer server = MongoWireServer.startPersistent(dir, port);
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> c = client.getDatabase("t").getCollection("c");
            assertThat(c.countDocuments()).isEqualTo(kept.size());
            for (String id : kept) {
                assertThat(c.find(Filters.eq("_id", id)).first()).as(id).isNotNull().containsEntry("step", 3);
            }
            assertThatThrownBy(() -> c.insertOne(new Document("_id", kept.getFirst())))
                    .isInstanceOf(MongoWriteException.class).hasMessageContaining("duplicate key");
        }
        assertThat(Files.size(file())).as("after compaction, of %d bytes", written).isLessThan(written / 4);
        assertThat(livePercent(file())).isGreaterThanOrEqualTo(StoreCompaction.COMPACT_BELOW_PERCENT);
    }

    @Test
    void shouldOpenAStoreWhoseCompactionACrashInterrupted() throws IOException {
        int port = FreePort.next();
        try (MongoWireServer server = MongoWireServer.startPersistent(dir, port);
             MongoClient client = MongoClients.create(server.connectionString())) {
            client.getDatabase("t").getCollection("c").insertOne(new Document("_id", "kept"));
        }
        Path halfWritten = dir.resolve("gridloop.mv.compacting");
        Files.writeString(halfWritten, "a copy cut short");

        try (MongoWireServer server = MongoWireServer.startPersistent(dir, port);
             MongoClient client = MongoClients.create(server.connectionString())) {
            assertThat(client.getDatabase("t").getCollection("c").find(Filters.eq("_id", "kept")).first())
                    .isNotNull();
        }
        assertThat(halfWritten).doesNotExist();
    }
}
