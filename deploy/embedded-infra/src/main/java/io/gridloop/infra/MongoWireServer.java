package io.gridloop.infra;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

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
    /** Absent for the memory backend. */
    private final OnlineCompaction compaction;

    private MongoWireServer(MongoServer server, int port, OnlineCompaction compaction) {
        this.server = server;
        this.port = port;
        this.compaction = compaction;
    }

    /**
     * A server whose data lives in one H2 file under {@code dataDir} and survives restarts; the file is compacted
     * when it opens and, a little at a time, while it runs.
     */
    public static MongoWireServer startPersistent(Path dataDir, int port) {
        return startPersistent(dataDir, port, OnlineCompaction.EVERY, null);
    }

    /**
     * {@code compactEvery}: how often a compaction round runs, null for none (tests of the start-up one);
     * {@code retention}: how long H2 keeps a dead chunk before using its space again, null for its default (45 s).
     */
    static MongoWireServer startPersistent(Path dataDir, int port, Duration compactEvery, Duration retention) {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        MVStore store = StoreCompaction.open(dataDir.toAbsolutePath().resolve("gridloop.mv"));
        if (retention != null) {
            store.setRetentionTime((int) retention.toMillis());
        }
        return start(IdFirstBackends.h2(store), port,
                compactEvery == null ? null : new OnlineCompaction(store, compactEvery));
    }

    /** A server that keeps everything in memory. */
    public static MongoWireServer startInMemory(int port) {
        return start(IdFirstBackends.memory(), port, null);
    }

    private static MongoWireServer start(MongoBackend backend, int port, OnlineCompaction compaction) {
        MongoServer server = new MongoServer(backend);
        server.bind("localhost", port);
        log.info("MongoDB-wire server up at localhost:{} ({})", port, backend.getClass().getSimpleName());
        return new MongoWireServer(server, port, compaction);
    }

    /** The share of the file's chunks that holds live data, in percent; absent for the memory backend. */
    public java.util.OptionalInt storeLivePercent() {
        return compaction == null ? java.util.OptionalInt.empty() : java.util.OptionalInt.of(compaction.livePercent());
    }

    /** A connection string without a database: each service chooses its own database. */
    public String connectionString() {
        return "mongodb://localhost:" + port;
    }

    @Override
    public void close() {
        if (compaction != null) {
            compaction.close();
        }
        server.shutdownNow();
        log.info("MongoDB-wire server at localhost:{} stopped", port);
    }
}
