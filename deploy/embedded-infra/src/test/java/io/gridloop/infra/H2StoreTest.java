package io.gridloop.infra;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.bson.Document;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The H2 store's own types ({@link H2Types}): new stores order index keys by value, older ones still open. */
class H2StoreTest {

    @TempDir
    Path dir;

    private static List<Object> ids() {
        List<Object> ids = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            ids.add("case-" + (i * 7919 % 1000));  // strings out of order
            ids.add((long) (i * 104_729 % 5000) - 2500);  // numbers of both signs
        }
        return ids.stream().distinct().toList();
    }

    private static void fill(MongoCollection<Document> c, List<Object> ids) {
        for (Object id : ids) {
            c.insertOne(new Document("_id", id).append("n", String.valueOf(id)));
        }
    }

    private static void assertAllFoundAndUnique(MongoCollection<Document> c, List<Object> ids) {
        for (Object id : ids) {
            assertThat(c.find(Filters.eq("_id", id)).first()).as("document %s", id)
                    .isNotNull().containsEntry("n", String.valueOf(id));
        }
        assertThat(c.find(Filters.in("_id", ids.subList(0, 50))).into(new ArrayList<>())).hasSize(50);
        assertThatThrownBy(() -> c.insertOne(new Document("_id", ids.get(3))))
                .isInstanceOf(MongoWriteException.class).hasMessageContaining("duplicate key");
    }

    private static String keyOrderOf(Path file) {
        try (MVStore store = MVStore.open(file.toString())) {
            return store.<String, String>openMap("gridloop.store").get("indexKeyOrder");
        }
    }

    @Test
    void shouldFindEveryDocumentByIdInANewStoreAcrossARestart() {
        List<Object> ids = ids();
        int port = FreePort.next();
        try (MongoWireServer server = MongoWireServer.startPersistent(dir, port);
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> c = client.getDatabase("t").getCollection("c");
            fill(c, ids);
            assertAllFoundAndUnique(c, ids);
        }
        assertThat(keyOrderOf(dir.resolve("gridloop.mv"))).isEqualTo("values");

        try (MongoWireServer server = MongoWireServer.startPersistent(dir, port);
             MongoClient client = MongoClients.create(server.connectionString())) {
            assertAllFoundAndUnique(client.getDatabase("t").getCollection("c"), ids);
        }
    }

    @Test
    void shouldStillReadAStoreWrittenBeforeInItsOwnKeyOrder() {
        List<Object> ids = ids();
        Path file = dir.resolve("gridloop.mv");
        int port = FreePort.next();
        MongoServer plain = new MongoServer(new H2Backend(file.toString()));
        plain.bind("localhost", port);
        try (MongoClient client = MongoClients.create("mongodb://localhost:" + port)) {
            fill(client.getDatabase("t").getCollection("c"), ids.subList(0, ids.size() / 2));
        } finally {
            plain.shutdownNow();
        }

        try (MongoWireServer server = MongoWireServer.startPersistent(dir, port);
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> c = client.getDatabase("t").getCollection("c");
            fill(c, ids.subList(ids.size() / 2, ids.size()));
            assertAllFoundAndUnique(c, ids);
        }
        assertThat(keyOrderOf(file)).isEqualTo("serialized");
    }
}
