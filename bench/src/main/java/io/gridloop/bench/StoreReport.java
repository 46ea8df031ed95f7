package io.gridloop.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import io.gridloop.infra.MongoWireServer;
import org.bson.Document;
import org.h2.mvstore.MVStore;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the embedded store's bytes go, for a stopped stack's data directory: the file, how full its chunks are (the
 * rest is space H2 has not reclaimed), and each collection's documents and their estimated size.
 * {@code java -cp bench/target/gridloop-bench-…-exec.jar -Dloader.main=io.gridloop.bench.StoreReport
 * org.springframework.boot.loader.launch.PropertiesLauncher <data-dir> [cases]}, or from the district-year phase.
 */
public final class StoreReport {

    private StoreReport() {
    }

    public static void main(String[] args) throws IOException {
        Map<String, Object> report = of(Path.of(args[0]), args.length > 1 ? Long.parseLong(args[1]) : 0);
        report.forEach((k, v) -> System.out.println(k + ": " + v));
    }

    /** The report; {@code cases} (if positive) turns bytes into bytes per case. */
    static Map<String, Object> of(Path dataDir, long cases) throws IOException {
        Path file = dataDir.resolve("gridloop.mv");
        Map<String, Object> out = new LinkedHashMap<>();
        long bytes = Files.size(file);
        out.put("fileBytes", bytes);
        if (cases > 0) {
            out.put("fileBytesPerCase", bytes / cases);
        }
        try (MVStore store = new MVStore.Builder().fileName(file.toString()).readOnly().open()) {
            out.put("fillRatePercent", store.getFillRate());
            out.put("chunksFillRatePercent", store.getFileStore().getChunksFillRate());
        }
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        List<Map<String, Object>> collections = new ArrayList<>();
        try (MongoWireServer server = MongoWireServer.startPersistent(dataDir, port);
             MongoClient client = MongoClients.create(server.connectionString())) {
            for (String dbName : client.listDatabaseNames()) {
                MongoDatabase db = client.getDatabase(dbName);
                for (String name : db.listCollectionNames()) {
                    Document stats = db.runCommand(new Document("collStats", name));
                    Map<String, Object> c = new LinkedHashMap<>();
                    c.put("collection", dbName + "." + name);
                    c.put("documents", ((Number) stats.get("count")).longValue());
                    c.put("bytes", ((Number) stats.get("size")).longValue());
                    if (cases > 0) {
                        c.put("bytesPerCase", ((Number) stats.get("size")).longValue() / cases);
                    }
                    collections.add(c);
                }
            }
        }
        // Opening the store compacts it when it is mostly dead space: what a restarted installation holds.
        long compacted = Files.size(file);
        out.put("fileBytesAfterRestart", compacted);
        if (cases > 0) {
            out.put("fileBytesPerCaseAfterRestart", compacted / cases);
        }
        collections.sort(Comparator.comparing(c -> -((Long) c.get("bytes"))));
        out.put("liveBytes", collections.stream().mapToLong(c -> (Long) c.get("bytes")).sum());
        out.put("collections", collections);
        return out;
    }
}
