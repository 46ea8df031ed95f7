package io.gridloop.infra;

import org.h2.mvstore.Cursor;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Gives the H2 file back the space of dead data when the server starts. H2 writes every change into a new chunk and
 * frees a chunk only once nothing in it is live; under the loop's steady writes most chunks keep a little live data
 * (a closed case, an audit entry) beside many dead versions of busy documents (queues, count cells), and H2 rewrites
 * them only when idle: a 5,000-case benchmark left the file 24 % live, 98 KB per case. Rewriting them while the
 * loop runs holds the store's lock for half a second per 16 MB, so it is done here instead, before anyone writes:
 * the live data is copied into a fresh, compressed file (465 MB → 33 MB in a second for that run), which then
 * replaces the old one. A crash meanwhile leaves the old file as it was; the copy is simply made again.
 *
 * <p>The copy reads and writes every map with the types the backend gives it ({@link H2Types#of}): H2's own
 * compaction would read documents stored as BSON with its default type, which does not know them.
 */
final class StoreCompaction {

    private static final Logger log = LoggerFactory.getLogger(StoreCompaction.class);
    /** Below this share of live data in its chunks, a store is compacted when it opens. */
    static final int COMPACT_BELOW_PERCENT = 50;

    private StoreCompaction() {
    }

    /**
     * Opens the store in {@code file} (compressed pages), compacted first if its chunks are less than
     * {@value #COMPACT_BELOW_PERCENT} % live.
     */
    static MVStore open(Path file) {
        Path copy = file.resolveSibling(file.getFileName() + ".compacting");
        try {
            Files.deleteIfExists(copy);  // a copy a crash cut short
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        boolean fresh = !Files.exists(file);
        MVStore store = openCompressed(file);
        int live = store.getFileStore().getChunksFillRate();
        if (fresh || live >= COMPACT_BELOW_PERCENT) {
            return store;
        }
        store.close();
        try {
            long before = Files.size(file);
            long start = System.nanoTime();
            copyLiveData(file, copy);
            Files.move(copy, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            log.info("Compacted the store {} ({} % live): {} MB → {} MB in {} ms", file, live, before >> 20,
                    Files.size(file) >> 20, (System.nanoTime() - start) / 1_000_000);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return openCompressed(file);
    }

    /**
     * Compressed pages (LZF): documents repeat their field names, and a third of the bytes is all the disk needs;
     * stores written uncompressed open as they are and compress what they write from now on.
     */
    private static MVStore openCompressed(Path file) {
        return new MVStore.Builder().fileName(file.toString()).compress().open();
    }

    /**
     * The copy's pages are compressed harder (Deflate) than the running store writes its own (LZF): they are
     * written once, at start-up, and mostly hold what no longer changes (closed cases, the audit trail); every page
     * says how it was compressed, so both read alike.
     */
    private static void copyLiveData(Path file, Path copy) {
        try (MVStore from = new MVStore.Builder().fileName(file.toString()).readOnly().open();
             MVStore to = new MVStore.Builder().fileName(copy.toString()).compressHigh().open()) {
            boolean keysByValue = from.hasMap(H2Types.STORE_INFO)
                    && "values".equals(from.<String, String>openMap(H2Types.STORE_INFO).get(H2Types.KEY_ORDER));
            for (String name : from.getMapNames()) {
                MVMap<Object, Object> source = from.openMap(name, H2Types.of(name, keysByValue));
                MVMap<Object, Object> target = to.openMap(name, H2Types.of(name, keysByValue));
                for (Cursor<Object, Object> c = source.cursor(null); c.hasNext(); ) {
                    target.put(c.next(), c.getValue());
                }
            }
        }
    }
}
