package io.gridloop.infra;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.bson.Document;
import org.bson.types.Binary;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The H2 file gives back the space of dead data when the server opens it ({@link StoreCompaction}), so a store
 * that was written and rewritten for a year holds about what is live, compressed — not every version ever written;
 * documents are stored as BSON, and stores written before (Java-serialised documents) still open and compact.
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
    void shouldCompactAndReadAStoreWrittenBeforeDocumentsWereStoredAsBson() throws IOException {
        int port = FreePort.next();
        // As installations wrote it: mongo-java-server's own backend, documents Java-serialised, index keys in
        // their serialised order.
        MongoServer plain = new MongoServer(new H2Backend(file().toString()));
        plain.bind("localhost", port);
        List<String> kept;
        try (MongoClient client = MongoClients.create("mongodb://localhost:" + port)) {
            MongoCollection<Document> c = client.getDatabase("t").getCollection("c");
            c.createIndex(new Document("caseNumber", 1), new IndexOptions().unique(true).sparse(true));
            kept = writeAndRewrite(c);
            kept.forEach(id -> c.updateOne(Filters.eq("_id", id), Updates.set("caseNumber", "N" + id)));
        } finally {
            plain.shutdownNow();
        }
        long written = Files.size(file());

        try (MongoWireServer server = MongoWireServer.startPersistent(dir, port);
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> c = client.getDatabase("t").getCollection("c");
            for (String id : kept) {
                assertThat(c.find(Filters.eq("_id", id)).first()).as(id).isNotNull()
                        .containsEntry("step", 3).containsEntry("caseNumber", "N" + id);
            }
            assertThatThrownBy(() -> c.insertOne(new Document("_id", "new").append("caseNumber", "N" + kept.get(1))))
                    .isInstanceOf(MongoWriteException.class).hasMessageContaining("duplicate key");
            c.insertOne(new Document("_id", "new").append("caseNumber", "N-new"));
        }
        assertThat(Files.size(file())).isLessThan(written / 4);
        try (MongoWireServer server = MongoWireServer.startPersistent(dir, port);
             MongoClient client = MongoClients.create(server.connectionString())) {
            assertThat(client.getDatabase("t").getCollection("c").countDocuments()).isEqualTo(kept.size() + 1);
        }
    }

    @Test
    void shouldKeepEveryKindOfValueADocumentHoldsAcrossARestart() {
        int port = FreePort.next();
        Document original = new Document("_id", "all-kinds")
                .append("text", "赛罕区").append("int", 42).append("long", 1L << 40).append("double", 0.125)
                .append("yes", true).append("nothing", null).append("when", Date.from(Instant.parse("2026-12-07T02:00:00Z")))
                .append("objectId", new ObjectId("65a1b2c3d4e5f60718293a4b"))
                .append("nested", new Document("level", "GRID").append("codes", List.of("150105", "150105001")))
                .append("list", List.of(1, "two", new Document("three", 3.0)))
                .append("bytes", new Binary(new byte[] {1, 2, 3}))
                .append("decimal", Decimal128.parse("12.345"));
        try (MongoWireServer server = MongoWireServer.startPersistent(dir, port);
             MongoClient client = MongoClients.create(server.connectionString())) {
            client.getDatabase("t").getCollection("c").insertOne(original);
        }
        try (MongoWireServer server = MongoWireServer.startPersistent(dir, port);
             MongoClient client = MongoClients.create(server.connectionString())) {
            assertThat(client.getDatabase("t").getCollection("c").find().first()).isEqualTo(original);
        }
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
