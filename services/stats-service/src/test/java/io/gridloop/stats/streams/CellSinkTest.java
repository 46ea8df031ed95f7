package io.gridloop.stats.streams;

import io.gridloop.contracts.area.AreaLevel;
import io.gridloop.infra.ServiceIntegrationTest;
import io.gridloop.stats.counting.AreaRef;
import io.gridloop.stats.counting.CellDelta;
import io.gridloop.stats.counting.CellKey;
import io.gridloop.stats.generations.Generation;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A share is written whole and only over an older version: written again after a crash it changes nothing, and an
 * instance that lost the partition cannot put an old share back over the new owner's.
 */
class CellSinkTest extends ServiceIntegrationTest {

    private static final Generation SCRATCH = new Generation(900 + ThreadLocalRandom.current().nextInt(99));

    @Autowired
    CellSink sink;

    @Autowired
    MongoTemplate mongo;

    @Test
    void shouldKeepTheNewestVersionOfAShareWhateverOrderTheWritesCameIn() {
        CellKey key = new CellKey(new AreaRef(AreaLevel.DISTRICT, "150105", "赛罕区", "150100"), "2026-12");
        PartialCell first = PartialCell.adding(null, new CellDelta(key, Map.of("LIVELIHOOD|GRID_PATROL.reported", 1L)));
        PartialCell second = PartialCell.adding(first, new CellDelta(key, Map.of(
                "LIVELIHOOD|GRID_PATROL.reported", 1L, "LIVELIHOOD|GRID_PATROL.h.2", 1L)));
        String id = PartialCell.idOf(key, 4);
        assertThat(id).isEqualTo("150105|2026-12|4");

        sink.write(SCRATCH, Map.of(id, second));
        sink.write(SCRATCH, Map.of(id, second));
        sink.write(SCRATCH, Map.of(id, first));

        Document stored = mongo.getCollection(SCRATCH.cells()).find(new Document("_id", id)).first();
        assertThat(stored).containsEntry("v", 2L).containsEntry("code", "150105").containsEntry("bucket", "2026-12");
        Document counts = stored.get("m", Document.class).get("LIVELIHOOD|GRID_PATROL", Document.class);
        assertThat(counts).containsEntry("reported", 2L);
        assertThat(counts.get("h", Document.class)).containsEntry("2", 1L);
        mongo.getCollection(SCRATCH.cells()).drop();
    }

    @Test
    void shouldDropFieldsThatCameBackToZeroAndKeepTheNamedArea() {
        CellKey named = new CellKey(new AreaRef(AreaLevel.COMMUNITY, "150105001001", "昭乌达社区", "150105001"), "live");
        CellKey nameless = new CellKey(new AreaRef(AreaLevel.COMMUNITY, "150105001001", null, "150105001"), "live");
        PartialCell open = PartialCell.adding(null, new CellDelta(named, Map.of("DISPUTE|HOTLINE_12345.open", 1L)));
        PartialCell closed = PartialCell.adding(open, new CellDelta(nameless, Map.of("DISPUTE|HOTLINE_12345.open", -1L)));

        assertThat(closed.fields()).isEmpty();
        assertThat(closed.version()).isEqualTo(2);
        assertThat(closed.area().name()).isEqualTo("昭乌达社区");
    }
}
