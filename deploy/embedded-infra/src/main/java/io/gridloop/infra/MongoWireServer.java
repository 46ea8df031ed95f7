package io.gridloop.infra;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A server speaking the MongoDB wire protocol (mongo-java-server), for machines without {@code mongod}. The H2
 * file backend keeps data across restarts; the memory backend is for tests.
 *
 * <p>It lacks multi-document transactions, change streams, TTL expiry and non-unique secondary indexes (those
 * are accepted but not built), so gridloop designs its hot reads as {@code _id} or unique-key lookups.
 */
public final class MongoWireServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(MongoWireServer.class);

    private final MongoServer server;
    private final int port;

    private MongoWireServer(MongoServer server, int port) {
        this.server = server;
        this.port = port;
    }

    /** A server whose data lives in one H2 file under {@code dataDir} and survives restarts. */
    public static MongoWireServer startPersistent(Path dataDir, int port) {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return start(IdFirstBackends.h2(StoreCompaction.open(dataDir.toAbsolutePath().resolve("gridloop.mv"))), port);
    }

    /** A server that keeps everything in memory. */
    public static MongoWireServer startInMemory(int port) {
        return start(IdFirstBackends.memory(), port);
    }

    private static MongoWireServer start(MongoBackend backend, int port) {
        MongoServer server = new MongoServer(backend);
        server.bind("localhost", port);
        log.info("MongoDB-wire server up at localhost:{} ({})", port, backend.getClass().getSimpleName());
        return new MongoWireServer(server, port);
    }

    /** A connection string without a database: each service chooses its own database. */
    public String connectionString() {
        return "mongodb://localhost:" + port;
    }

    @Override
    public void close() {
        server.shutdownNow();
        log.info("MongoDB-wire server at localhost:{} stopped", port);
    }
}
