package io.gridloop.infra;

import io.gridloop.infra.auth.DevRealm;
import io.gridloop.infra.auth.DevTokenIssuer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * One broker, one MongoDB-wire server and one token issuer for a whole test JVM, started on first use on free ports and stopped
 * when the JVM exits. Sharing them keeps a module's tests fast; tests isolate themselves by database and by
 * the ids they create, not by restarting infrastructure.
 */
public final class EmbeddedInfra {

    private static EmbeddedInfra shared;

    private final KraftBroker kafka;
    private final MongoWireServer mongo;
    private final DevTokenIssuer tokens;

    private EmbeddedInfra(KraftBroker kafka, MongoWireServer mongo, DevTokenIssuer tokens) {
        this.kafka = kafka;
        this.mongo = mongo;
        this.tokens = tokens;
    }

    public static synchronized EmbeddedInfra shared() {
        if (shared == null) {
            Path dir = tempDir();
            KraftBroker kafka = KraftBroker.start(dir.resolve("kafka"), FreePort.next(), FreePort.next());
            MongoWireServer mongo = MongoWireServer.startInMemory(FreePort.next());
            DevTokenIssuer tokens = DevTokenIssuer.start(0, DevRealm.standard());
            shared = new EmbeddedInfra(kafka, mongo, tokens);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                tokens.close();
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

    /** The token issuer the services trust, which mints tokens for any identity a test needs. */
    public DevTokenIssuer tokens() {
        return tokens;
    }

    /** The Spring properties that point a service at this infrastructure: the same keys as docker-compose. */
    public Map<String, Object> springProperties() {
        Map<String, Object> properties = new HashMap<>(DevelopmentSettings.of(tokens));
        properties.put("spring.kafka.bootstrap-servers", bootstrapServers());
        properties.put("spring.mongodb.uri", mongoUri());
        return Map.copyOf(properties);
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("gridloop-infra-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
