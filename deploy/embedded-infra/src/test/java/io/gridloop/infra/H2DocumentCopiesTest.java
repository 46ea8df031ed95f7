package io.gridloop.infra;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.ArrayFilters;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.NoopOplog;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded store's map never shares a document object with the server's code ({@link IdFirstBackends}): H2
 * serialises changed pages in a background thread, and a document changed meanwhile by whoever else holds it
 * closed the store (a ConcurrentModificationException in H2's writer) in a benchmark run.
 */
class H2DocumentCopiesTest {

    @Test
    @SuppressWarnings("unchecked")
    void shouldKeepItsOwnCopyOfEveryDocumentItStoresAndHandsOut() {
        try (MVStore store = new MVStore.Builder().open()) {
            H2Backend backend = IdFirstBackends.h2(store);
            MongoCollection<Object> cases = (MongoCollection<Object>) backend.resolveDatabase("t")
                    .createCollectionOrThrowIfExists("cases");
            MVMap<Object, Document> map = store.openMap("databases.t.cases");

            Document inserted = new Document("_id", "c1").append("timeline", new ArrayList<>(List.of("上报")));
            cases.addDocument(inserted);
            inserted.put("changedByTheCaller", true);
            ((List<Object>) inserted.get("timeline")).add("changed");

            assertThat(map.get("c1")).isNotSameAs(inserted).doesNotContainKey("changedByTheCaller");
            assertThat((List<Object>) map.get("c1").get("timeline")).containsExactly("上报");

            cases.updateDocuments(new Document("_id", "c1"), new Document("$push", new Document("timeline", "分流")),
                    ArrayFilters.empty(), false, false, NoopOplog.get());
            Document read = cases.handleQuery(new Document("_id", "c1")).iterator().next();
            read.put("changedByAReader", true);
            ((List<Object>) read.get("timeline")).clear();

            assertThat(map.get("c1")).isNotSameAs(read).doesNotContainKey("changedByAReader");
            assertThat((List<Object>) map.get("c1").get("timeline")).containsExactly("上报", "分流");
        }
    }
}
