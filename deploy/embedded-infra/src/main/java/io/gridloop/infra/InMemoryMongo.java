package io.gridloop.infra;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A MongoDB-wire server in memory for the tests of one class, without the broker and the issuer a
 * {@link ServiceIntegrationTest} brings: {@code @RegisterExtension static final InMemoryMongo MONGO = new
 * InMemoryMongo();}, then a database of its own per test from {@link #client()}.
 */
public final class InMemoryMongo implements BeforeAllCallback, AfterAllCallback {

    private MongoWireServer server;
    private MongoClient client;

    @Override
    public void beforeAll(ExtensionContext context) {
        server = MongoWireServer.startInMemory(FreePort.next());
        client = MongoClients.create(server.connectionString());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        client.close();
        server.close();
    }

    public MongoClient client() {
        return client;
    }
}
