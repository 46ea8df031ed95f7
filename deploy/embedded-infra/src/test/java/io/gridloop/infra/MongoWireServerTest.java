package io.gridloop.infra;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class MongoWireServerTest {

    @TempDir
    Path dir;

    @Test
    void shouldKeepDocumentsAcrossARestartWithTheFileBackend() {
        int port = FreePort.next();
        try (MongoWireServer server = MongoWireServer.startPersistent(dir, port);
             MongoClient client = MongoClients.create(server.connectionString())) {
            client.getDatabase("gridloop_test").getCollection("cases")
                    .insertOne(new Document("_id", "c-1").append("state", "CLOSED"));
        }

        try (MongoWireServer server = MongoWireServer.startPersistent(dir, port);
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> cases = client.getDatabase("gridloop_test").getCollection("cases");
            assertThat(cases.find(new Document("_id", "c-1")).first()).containsEntry("state", "CLOSED");
        }
    }
}
