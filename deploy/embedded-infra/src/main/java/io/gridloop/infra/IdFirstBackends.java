package io.gridloop.infra;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.AbstractUniqueIndex;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.backend.memory.MemoryCollection;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;
import java.util.function.Function;

/**
 * mongo-java-server's backends, taught one thing a real MongoDB does: a query that names one {@code _id} and
 * further conditions (a guarded update such as {@code {_id: x, version: 3}}) looks the document up by its
 * {@code _id} and checks the rest, instead of scanning the whole collection — the server only uses an index
 * when the query holds exactly that index's keys. Without this, every optimistic, version-guarded update costs
 * a full scan and slows down linearly with the collection.
 *
 * <p>Only plain queries are narrowed (no sort, skip, limit or projection): that is every update and delete,
 * which is where guards live. Everything else goes to the server unchanged.
 */
final class IdFirstBackends {

    private IdFirstBackends() {
    }

    static MemoryBackend memory() {
        return new MemoryBackend() {
            @Override
            public MemoryDatabase openOrCreateDatabase(String databaseName) {
                return new MemoryDatabase(databaseName, getCursorRegistry()) {
                    @Override
                    protected MemoryCollection openOrCreateCollection(String name, CollectionOptions options) {
                        return new IdFirstMemoryCollection(this, name, options, getCursorRegistry());
                    }
                };
            }
        };
    }

    static H2Backend h2(MVStore store) {
        return new IdFirstH2Backend(store);
    }

    /** Whether {@code query} names one {@code _id} plus something else, and nothing asks for order or paging. */
    static boolean narrowable(Document query, Document orderBy, int skip, int limit, Document fieldSelector) {
        if (query == null || query.size() < 2 || !query.containsKey("_id")) {
            return false;
        }
        Object id = query.get("_id");
        return !(id instanceof Document) && !(id instanceof List<?>) && id != null
                && (orderBy == null || orderBy.isEmpty()) && skip == 0 && limit == 0
                && (fieldSelector == null || fieldSelector.isEmpty())
                && query.keySet().stream().noneMatch(k -> k.startsWith("$"));
    }

    static QueryResult byIdThenRest(Document query, Function<Document, QueryResult> byId,
                                    BiPredicate<Document, Document> matches) {
        List<Document> hits = new ArrayList<>(1);
        for (Document candidate : byId.apply(new Document("_id", query.get("_id")))) {
            if (matches.test(candidate, query)) {
                hits.add(candidate);
            }
        }
        return new QueryResult(hits);
    }

    private static final class IdFirstMemoryCollection extends MemoryCollection {

        IdFirstMemoryCollection(MongoDatabase database, String name, CollectionOptions options,
                                CursorRegistry cursors) {
            super(database, name, options, cursors);
        }

        @Override
        protected QueryResult queryDocuments(Document query, Document orderBy, int skip, int limit, int batchSize,
                                             Document fieldSelector) {
            if (narrowable(query, orderBy, skip, limit, fieldSelector)) {
                return byIdThenRest(query, q -> super.queryDocuments(q, null, 0, 0, 0, null),
                        this::documentMatchesQuery);
            }
            return super.queryDocuments(query, orderBy, skip, limit, batchSize, fieldSelector);
        }
    }

    private static final class IdFirstH2Backend extends H2Backend {

        // No initialiser: H2Backend's constructor may already open databases, and so set it, before ours runs.
        private Boolean keysByValue;

        IdFirstH2Backend(MVStore store) {
            super(store);
        }

        @Override
        protected MongoDatabase openOrCreateDatabase(String databaseName) {
            return new IdFirstH2Database(databaseName);
        }

        /**
         * Whether this store's index keys are ordered by value ({@link H2Types.IndexKeys}): yes for a store
         * created so, no for one written before (its B-trees are in H2's serialised-bytes order, and must be read
         * in it).
         */
        private synchronized boolean keysByValue() {
            if (keysByValue == null) {
                MVMap<String, String> info = getMvStore().openMap(H2Types.STORE_INFO);
                String order = info.get(H2Types.KEY_ORDER);
                if (order == null) {
                    boolean fresh = getMvStore().getMapNames().stream().noneMatch(n -> n.contains("._index_"));
                    order = fresh ? "values" : "serialized";
                    info.put(H2Types.KEY_ORDER, order);
                }
                keysByValue = order.equals("values");
            }
            return keysByValue;
        }

        /** An inner class: its overrides run inside H2Database's constructor, and reach the store through us. */
        private final class IdFirstH2Database extends H2Database {

            IdFirstH2Database(String databaseName) {
                super(databaseName, getMvStore(), getCursorRegistry());
            }

            @Override
            protected MongoCollection<Object> openOrCreateCollection(String name, CollectionOptions options) {
                // As H2Database does it; the map names must stay the same so existing data files still open.
                String full = getFullCollectionNamespace(name);
                MVMap<Object, Document> data = open("databases." + full);
                MVMap<String, Object> meta = open("meta." + full);
                return new H2Collection(this, name, options, data, meta, getCursorRegistry()) {
                    // H2 writes a map's changed pages in a background thread while the server goes on working. A
                    // document object in the map must therefore never be one the server also holds and may still
                    // change: H2 would meet it half-changed (a ConcurrentModificationException in its writer, which
                    // closes the store and left every caller waiting). So the map keeps copies of its own, and
                    // hands out copies.
                    @Override
                    protected Object addDocumentInternal(Document document) {
                        return super.addDocumentInternal(document.cloneDeeply());
                    }

                    @Override
                    protected void handleUpdate(Object position, Document oldDocument, Document newDocument) {
                        super.handleUpdate(position, oldDocument, newDocument.cloneDeeply());
                    }

                    @Override
                    protected Document getDocument(Object position) {
                        Document stored = super.getDocument(position);
                        return stored == null ? null : stored.cloneDeeply();
                    }

                    @Override
                    protected QueryResult matchDocuments(Document query, Document orderBy, int skip, int limit,
                                                         int batchSize, Document fieldSelector) {
                        QueryResult stored = super.matchDocuments(query, orderBy, skip, limit, batchSize,
                                fieldSelector);
                        List<Document> copies = new ArrayList<>();
                        stored.forEach(d -> copies.add(d.cloneDeeply()));
                        return new QueryResult(copies, stored.getCursorId());
                    }

                    @Override
                    protected QueryResult queryDocuments(Document query, Document orderBy, int skip, int limit,
                                                         int batchSize, Document fieldSelector) {
                        if (narrowable(query, orderBy, skip, limit, fieldSelector)) {
                            return byIdThenRest(query, q -> super.queryDocuments(q, null, 0, 0, 0, null),
                                    this::documentMatchesQuery);
                        }
                        return super.queryDocuments(query, orderBy, skip, limit, batchSize, fieldSelector);
                    }
                };
            }

            @Override
            protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName,
                                                            List<IndexKey> keys, boolean sparse) {
                // The map name as H2Database gives it, so existing indexes still open.
                MVMap<KeyValue, Object> map = open(getFullCollectionNamespace(collectionName) + "._index_" + indexName);
                return new H2KeyIndex(map, indexName, keys, sparse);
            }

            /** The map with the types {@link H2Types#of} gives it. */
            @SuppressWarnings("unchecked")
            private <K, V> MVMap<K, V> open(String name) {
                return (MVMap<K, V>) (MVMap<?, ?>) getMvStore().openMap(name, H2Types.of(name, keysByValue()));
            }
        }
    }

    /** A unique index in an H2 map, as mongo-java-server's own, over a map we opened with our key type. */
    private static final class H2KeyIndex extends AbstractUniqueIndex<Object> {

        private final MVMap<KeyValue, Object> map;

        H2KeyIndex(MVMap<KeyValue, Object> map, String name, List<IndexKey> keys, boolean sparse) {
            super(name, keys, sparse);
            this.map = map;
        }

        @Override
        protected Object removeDocument(KeyValue key) {
            return map.remove(key);
        }

        @Override
        protected boolean putKeyPosition(KeyValue key, Object position) {
            return map.putIfAbsent(key, Missing.ofNullable(position)) == null;
        }

        @Override
        protected Iterable<Map.Entry<KeyValue, Object>> getIterable() {
            return map.entrySet();
        }

        @Override
        protected Object getPosition(KeyValue key) {
            return map.get(key);
        }

        @Override
        public long getCount() {
            return map.sizeAsLong();
        }

        @Override
        public boolean isEmpty() {
            return map.isEmpty();
        }

        @Override
        public long getDataSize() {
            return getCount();
        }
    }
}
