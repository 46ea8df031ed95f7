package io.gridloop.stats.ledger;

import com.mongodb.client.model.Filters;
import io.gridloop.contracts.event.CaseTransitioned;
import io.gridloop.infra.ServiceIntegrationTest;
import io.gridloop.stats.CaseHistories;
import io.gridloop.stats.Rebuilds;
import io.gridloop.stats.Recount;
import io.gridloop.contracts.area.AreaLevel;
import io.gridloop.stats.areas.KnownAreas;
import io.gridloop.stats.counting.AreaRef;
import io.gridloop.stats.counting.CaseFacts;
import io.gridloop.stats.counting.CellDelta;
import io.gridloop.stats.counting.Contribution;
import io.gridloop.stats.query.AreaFigures;
import io.gridloop.stats.query.CountFilter;
import io.gridloop.stats.query.Period;
import io.gridloop.stats.query.StatsQueries;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ledger against the real database, fed one partition in random batches, with duplicate publications,
 * redeliveries of records already committed, and crashes at random points inside a batch followed by
 * redelivery in different batches — the figures must still be exactly the recount.
 */
class CountLedgerTest extends ServiceIntegrationTest {

    private static final Period YEAR = Period.parse("2026").orElseThrow();

    @Autowired
    CountLedger ledger;

    @Autowired
    Generations generations;

    /**
     * The counts read now: the first generation, or a rebuild's if another test ran one. These tests apply
     * transitions that are on no topic, which a rebuild would not recount: none may run meanwhile.
     */
    private Generation generation() {
        return generations.current().reading();
    }

    @BeforeEach
    void noRebuildRunning() {
        Rebuilds.awaitNoneRunning(generations);
    }

    @Autowired
    StatsQueries queries;

    @Autowired
    MongoTemplate mongo;

    static final class Crash extends RuntimeException {
    }

    @Autowired
    KnownAreas areas;

    @AfterEach
    void noMoreCrashes() {
        ledger.checkpoint((stage, index) -> { });
    }

    @Test
    void shouldKeepTheNameOfAnAreaTheRegistryNamesWhileTheLedgerLearnsItWithoutOne() throws Exception {
        String district = CaseHistories.freshDistrict();
        List<java.util.concurrent.Callable<Boolean>> learning = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            String grid = district + "001001" + String.format("%03d", i);
            String community = district + "001001";
            learning.add(() -> areas.remember(new AreaRef(AreaLevel.GRID, grid, null, community)));
            learning.add(() -> areas.remember(new AreaRef(AreaLevel.GRID, grid, "第" + grid + "网格", community)));
        }
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(4)) {
            pool.invokeAll(learning);
        }

        for (int i = 0; i < 300; i++) {
            String grid = district + "001001" + String.format("%03d", i);
            assertThat(areas.get(grid)).map(AreaRef::name).as(grid).contains("第" + grid + "网格");
        }
    }

    @Test
    void shouldCountEveryTransitionExactlyOnceThroughDuplicatesRedeliveriesAndCrashes() {
        // A failure names its seed; -Dgridloop.test.seed=<seed> (e.g. in JAVA_TOOL_OPTIONS) replays it exactly.
        long seed = Long.getLong("gridloop.test.seed", ThreadLocalRandom.current().nextLong());
        Random random = new Random(seed);
        // Never ending in 00: that is a city's code, and the city's cells would be the district's.
        int number = 10_000 + Math.floorMod(seed, 90_000);
        String district = "9" + (number % 100 == 0 ? number + 1 : number);
        CaseHistories generator = new CaseHistories(seed, district);
        List<CaseHistories.History> histories = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            histories.add(generator.next(district + "-c" + i));
        }
        List<Positioned> partition = interleave(histories, random);
        String stream = "x" + random.nextInt(1_000_000);

        int pos = 0;
        int crashes = 0;
        while (pos < partition.size()) {
            List<Positioned> batch = partition.subList(pos, Math.min(partition.size(), pos + 1 + random.nextInt(80)));
            if (random.nextDouble() < 0.3) {
                String stage = random.nextBoolean() ? "cell" : "fact";
                int at = random.nextInt(3 * Bulk.CHUNK);  // crashes between bulk writes, too
                ledger.checkpoint((s, i) -> {
                    if (s.equals(stage) && i == at) {
                        throw new Crash();
                    }
                });
                try {
                    ledger.apply(generation(), stream, 0, batch, f -> { });
                    pos += batch.size();
                } catch (Crash crash) {
                    crashes++;  // not committed: the same records come again, cut into other batches
                } finally {
                    ledger.checkpoint((s, i) -> { });
                }
                continue;
            }
            ledger.apply(generation(), stream, 0, batch, f -> { });
            pos += batch.size();
            if (random.nextDouble() < 0.1) {
                pos = Math.max(0, pos - random.nextInt(100));  // a rebalance redelivers committed records
            }
        }
        assertThat(crashes).as("seed %d", seed).isPositive();

        List<CaseHistories.Outcome> outcomes = histories.stream().map(CaseHistories.History::outcome).toList();
        AreaFigures districtFigures = queries.area(district, YEAR, CountFilter.ALL);
        assertThat(Recount.sameMeasures(districtFigures.counts())).as("seed %d", seed)
                .isEqualTo(Recount.of(outcomes, c -> true));
        for (String street : outcomes.stream().map(CaseHistories.Outcome::streetCode).distinct().toList()) {
            assertThat(Recount.sameMeasures(queries.area(street, YEAR, CountFilter.ALL).counts()))
                    .as("street %s, seed %d", street, seed)
                    .isEqualTo(Recount.of(outcomes, c -> c.streetCode().equals(street)));
        }
        assertSameCells(storedCells(district), expectedCells(histories), seed);

        Map<String, Map<String, Long>> before = storedCells(district);
        ledger.apply(generation(), stream + "-replay", 0, partition, f -> { });
        assertThat(storedCells(district)).as("a replay of the whole partition changes nothing").isEqualTo(before);
    }

    /**
     * Two consumers applying the same partition at once — one that lost the partition in a rebalance but still
     * finishes its batch, and its successor, which polled further — and then the successor carrying on.
     */
    @Test
    void shouldStayExactWhenTwoConsumersApplyOverlappingBatchesOfOnePartitionAtOnce() throws Exception {
        long seed = ThreadLocalRandom.current().nextLong();
        Random random = new Random(seed);
        String district = CaseHistories.freshDistrict();
        CaseHistories generator = new CaseHistories(seed, district);
        List<CaseHistories.History> histories = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            histories.add(generator.next(district + "-z" + i));
        }
        List<Positioned> partition = interleave(histories, random);
        String stream = "z" + random.nextInt(1_000_000);

        int committed = 0;
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(2)) {
            while (committed < partition.size()) {
                int zombieEnd = Math.min(partition.size(), committed + 1 + random.nextInt(60));
                int successorEnd = Math.min(partition.size(), zombieEnd + random.nextInt(60));
                List<Positioned> zombie = partition.subList(committed, zombieEnd);
                List<Positioned> successor = partition.subList(committed, successorEnd);
                var a = pool.submit(() -> ledger.apply(generation(), stream, 0, zombie, f -> { }));
                var b = pool.submit(() -> ledger.apply(generation(), stream, 0, successor, f -> { }));
                a.get();
                b.get();
                committed = successorEnd;  // the successor commits what it polled
            }
        }

        List<CaseHistories.Outcome> outcomes = histories.stream().map(CaseHistories.History::outcome).toList();
        assertThat(Recount.sameMeasures(queries.area(district, YEAR, CountFilter.ALL).counts()))
                .as("seed %d", seed).isEqualTo(Recount.of(outcomes, c -> true));
        assertSameCells(storedCells(district), expectedCells(histories), seed);
    }

    /** Cell by cell, naming only the cells that differ, so a failure can be read. */
    private static void assertSameCells(Map<String, Map<String, Long>> stored, Map<String, Map<String, Long>> expected,
                                        long seed) {
        Map<String, String> differences = new TreeMap<>();
        java.util.Set<String> ids = new java.util.TreeSet<>(stored.keySet());
        ids.addAll(expected.keySet());
        for (String id : ids) {
            if (!java.util.Objects.equals(stored.get(id), expected.get(id))) {
                differences.put(id, "stored " + stored.get(id) + " expected " + expected.get(id));
            }
        }
        assertThat(differences).as("cells that differ, seed %d", seed).isEmpty();
    }

    /** Cases' transitions merged into one partition, each case in order, with some published twice. */
    private static List<Positioned> interleave(List<CaseHistories.History> histories, Random random) {
        List<List<CaseTransitioned>> queues = new ArrayList<>();
        histories.forEach(h -> queues.add(new ArrayList<>(h.transitions().stream().map(e -> e.data()).toList())));
        List<Integer> next = new ArrayList<>(histories.stream().map(h -> 0).toList());
        List<Positioned> out = new ArrayList<>();
        List<Integer> open = new ArrayList<>();
        for (int i = 0; i < queues.size(); i++) {
            open.add(i);
        }
        while (!open.isEmpty()) {
            int pick = random.nextInt(open.size());
            int c = open.get(pick);
            int n = next.get(c);
            List<CaseTransitioned> q = queues.get(c);
            out.add(new Positioned(out.size(), q.get(n)));
            if (n > 0 && random.nextDouble() < 0.1) {
                out.add(new Positioned(out.size(), q.get(random.nextInt(n + 1))));  // published again
            }
            next.set(c, n + 1);
            if (n + 1 == q.size()) {
                open.remove(pick);
            }
        }
        return out;
    }

    /** The district's cells (district level and below), without bookkeeping, zeros dropped. */
    private Map<String, Map<String, Long>> storedCells(String district) {
        Map<String, Map<String, Long>> out = new TreeMap<>();
        for (Document cell : mongo.getCollection(generation().cells()).find(Filters.regex("_id", "^" + district))) {
            Map<String, Long> fields = new TreeMap<>();
            flatten("", cell.get("m", Document.class), fields);
            fields.values().removeIf(v -> v == 0);
            if (!fields.isEmpty()) {
                out.put(cell.getString("_id"), fields);
            }
        }
        return out;
    }

    private static void flatten(String prefix, Document doc, Map<String, Long> into) {
        doc.forEach((k, v) -> {
            if (v instanceof Document d) {
                flatten(prefix + k + ".", d, into);
            } else {
                into.put(prefix + k, ((Number) v).longValue());
            }
        });
    }

    /** What each case's final facts contribute, summed: the state a ledger must end in, however it got there. */
    private static Map<String, Map<String, Long>> expectedCells(List<CaseHistories.History> histories) {
        Map<String, CellDelta> sum = new LinkedHashMap<>();
        for (CaseHistories.History h : histories) {
            CaseFacts facts = null;
            for (var e : h.transitions()) {
                facts = CaseFacts.fold(facts, e.data());
            }
            Contribution.of(facts).values().forEach(d -> Contribution.merge(sum, d.cell(), d.fields(), 1));
        }
        Map<String, Map<String, Long>> out = new TreeMap<>();
        sum.forEach((id, d) -> {
            if (d.cell().area().level() == io.gridloop.contracts.area.AreaLevel.CITY) {
                return;
            }
            Map<String, Long> fields = new TreeMap<>(d.fields());
            fields.values().removeIf(v -> v == 0);
            if (!fields.isEmpty()) {
                out.put(id, fields);
            }
        });
        return out;
    }

}
