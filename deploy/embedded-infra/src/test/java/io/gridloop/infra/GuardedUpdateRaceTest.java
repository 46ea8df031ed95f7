package io.gridloop.infra;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import org.bson.Document;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A guarded update ({@code {_id: x, applied: n}} → {@code $inc}, {@code $set applied}) must take effect once
 * however many clients send it at the same moment, as on a real MongoDB where matching and modifying one document
 * is atomic. Statistics' exactly-once counting and every version-checked save rest on it; mongo-java-server
 * serialises each collection's writes, and this keeps it so for both backends (and for IdFirstBackends' narrowing).
 */
class GuardedUpdateRaceTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"memory", "h2"})
    void shouldApplyAGuardedUpdateOnceWhenManyClientsRaceForIt(String backend) throws Exception {
        int port = FreePort.next();
        try (MongoWireServer server = backend.equals("h2") ? MongoWireServer.startPersistent(dir, port)
                : MongoWireServer.startInMemory(port);
             MongoClient client = MongoClients.create(server.connectionString() + "/?maxPoolSize=16")) {
            MongoCollection<Document> cells = client.getDatabase("race").getCollection("cells");
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                for (int round = 0; round < 40; round++) {
                    String id = "cell-" + round;
                    cells.insertOne(new Document("_id", id).append("applied", 0L).append("n", 0L));
                    CountDownLatch go = new CountDownLatch(1);
                    List<Future<Long>> attempts = new ArrayList<>();
                    for (int t = 0; t < 8; t++) {
                        attempts.add(pool.submit(() -> {
                            go.await();
                            return cells.updateOne(new Document("_id", id).append("applied", 0L),
                                    new Document("$inc", new Document("n", 1L))
                                            .append("$set", new Document("applied", 7L))).getModifiedCount();
                        }));
                    }
                    go.countDown();
                    long modified = 0;
                    for (Future<Long> f : attempts) {
                        modified += f.get();
                    }
                    assertThat(modified).as("round %d: updates that matched the guard", round).isEqualTo(1);
                    assertThat(cells.find(new Document("_id", id)).first().getLong("n")).isEqualTo(1L);
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }
}
