package io.gridloop.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * One broker and one MongoDB-wire server for a whole test JVM, started on first use on free ports and stopped
 * when the JVM exits. Sharing them keeps a module's tests fast; tests isolate themselves by database and by
 * the ids they create, not by restarting infrastructure.
 */
public final class EmbeddedInfra {

    private static EmbeddedInfra shared;

    private final KraftBroker kafka;
    private final MongoWireServer mongo;

    private EmbeddedInfra(KraftBroker kafka, MongoWireServer mongo) {
        this.kafka = kafka;
        this.mongo = mongo;
    }

    public static synchronized EmbeddedInfra shared() {
        if (shared == null) {
            Path dir = tempDir();
            KraftBroker kafka = KraftBroker.start(dir.resolve("kafka"), FreePort.next(), FreePort.next());
            MongoWireServer mongo = MongoWireServer.startInMemory(FreePort.next());
            shared = new EmbeddedInfra(kafka, mongo);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                mongo.close();
                kafka.close();
            }, "embedded-infra-shutdown"));
        }
        return shared;
    }

    public String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    public String mongoUri() {
        return mongo.connectionString();
    }

    /** The Spring properties that point a service at this infrastructure: the same keys as docker-compose. */
    public Map<String, Object> springProperties() {
        return Map.of(
                "spring.kafka.bootstrap-servers", bootstrapServers(),
                "spring.mongodb.uri", mongoUri());
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("gridloop-infra-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
