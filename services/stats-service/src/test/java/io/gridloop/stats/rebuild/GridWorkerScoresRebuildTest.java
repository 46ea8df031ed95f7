package io.gridloop.stats.rebuild;

import io.gridloop.contracts.EventCodec;
import io.gridloop.contracts.EventEnvelope;
import io.gridloop.contracts.ServiceNames;
import io.gridloop.contracts.Topics;
import io.gridloop.contracts.event.CaseState;
import io.gridloop.contracts.event.PatrolKind;
import io.gridloop.contracts.event.PatrolRecorded;
import io.gridloop.infra.ServiceIntegrationTest;
import io.gridloop.infra.TopicWriter;
import io.gridloop.stats.CaseHistories;
import io.gridloop.stats.Counted;
import io.gridloop.stats.Rebuilds;
import io.gridloop.stats.assessment.GridWorkerRoster;
import io.gridloop.stats.generations.Generations;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The seeds' shape of a district — 1,378 grid workers on the roster, a month of reports and a patrol each — scored,
 * its workers' own counts lost, recounted from the topics: every worker's month is what it was, and their valid
 * reports are a recount of how their cases ended. A whole month of a large district (≈36,700 reports) takes the
 * embedded stack minutes to count twice, so CI replays 2,500 of them; {@code
 * -Dgridloop.assessment.replay-reports=36700} replays the month.
 */
class GridWorkerScoresRebuildTest extends ServiceIntegrationTest {

    private static final int WORKERS = 1_378;
    private static final int MONTH_OF_REPORTS = Integer.getInteger("gridloop.assessment.replay-reports", 2_500);
    /** March 2026 in Beijing. */
    private static final Instant MARCH = Instant.parse("2026-02-28T16:00:00Z");

    @Autowired
    GridWorkerRoster roster;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    Generations generations;

    @Test
    void shouldScoreEveryWorkerOfADistrictTheSameAfterARecountFromTheTopics() {
        String d = CaseHistories.freshDistrict();
        List<String> grids = CaseHistories.gridsOf(d);
        // Worker i serves grid i mod 27, as a district shares its grid workers out; a grid's report names one of
        // its workers.
        List<String> workers = IntStream.range(0, WORKERS).mapToObj(i -> "gw-%s-%04d".formatted(d, i)).toList();
        CaseHistories generator = new CaseHistories(ThreadLocalRandom.current().nextLong(), d, MARCH,
                31L * 86_400 - 1, (grid, random) -> {
                    int g = grids.indexOf(grid);
                    int ofGrid = (WORKERS - g + grids.size() - 1) / grids.size();
                    return workers.get(g + grids.size() * random.nextInt(ofGrid));
                });
        List<CaseHistories.History> histories = IntStream.range(0, MONTH_OF_REPORTS)
                .mapToObj(i -> generator.next(d + "-" + i)).toList();
        CaseHistories.send(bootstrap, histories);
        EventCodec codec = new EventCodec();
        List<Map.Entry<String, byte[]>> patrols = new ArrayList<>();
        for (int i = 0; i < WORKERS; i++) {
            Instant at = MARCH.plus(Duration.ofDays(1 + i % 28));
            PatrolRecorded p = new PatrolRecorded("p-" + d + "-" + i, "c-" + i, workers.get(i),
                    PatrolKind.values()[i % PatrolKind.values().length], grids.get(i % grids.size()), null, null, null,
                    d, "测试区", at, at.plus(Duration.ofMinutes(45)), null, List.of(), List.of(), at);
            patrols.add(Map.entry(p.patrolId(), codec.encode(EventEnvelope.of(Topics.PATROL_RECORDED, p.patrolId(),
                    ServiceNames.INTAKE, at, p.patrolId(), p))));
        }
        TopicWriter.sendAll(bootstrap, Topics.PATROL_RECORDED.name(), patrols);
        Counted.awaitAll(bootstrap, generations, Duration.ofMinutes(MONTH_OF_REPORTS / 2_500 * 2 + 4));
        for (int i = 0; i < WORKERS; i++) {
            roster.save(workers.get(i), "网格员" + i, List.of(grids.get(i % grids.size())),
                    java.time.YearMonth.of(2026, 3), "test");
        }
        http.post().uri("/api/v1/assessment/rules").contentType(MediaType.APPLICATION_JSON).body("""
                {"rules":{"programme":"%s","effectiveFrom":"2026-01","baseScore":60,"qualifiedAt":70,"excellentAt":85,
                  "rules":[{"measure":"VALID_REPORTS","pointsPerUnit":3,"cap":30},
                           {"measure":"SATISFIED_VISITS","pointsPerUnit":1,"cap":10},
                           {"measure":"FOUND_FIRST_BY_CITIZENS","pointsPerUnit":-0.1,"cap":20}]},
                 "basedOnVersion":0}""".formatted(d)).exchange().expectStatus().isCreated();
        await().atMost(Duration.ofSeconds(60)).until(() -> patrolled(d) == WORKERS);

        Map<String, String> before = scores(d);
        assertThat(before).hasSize(WORKERS);
        Map<String, Long> valid = new TreeMap<>();
        histories.stream().map(CaseHistories.History::outcome).filter(o -> o.gridWorkerId() != null)
                .filter(o -> o.state() != CaseState.MERGED && o.state() != CaseState.INVALID)
                .forEach(o -> valid.merge(o.gridWorkerId(), 1L, Long::sum));
        JsonNode month = month(d);
        month.get("workers").forEach(w -> assertThat(w.at("/measures/VALID_REPORTS").asLong())
                .as(w.get("workerId").asString()).isEqualTo(valid.getOrDefault(w.get("workerId").asString(), 0L)));
        assertThat(month.get("grades").toString()).isNotEqualTo("{\"EXCELLENT\":0,\"QUALIFIED\":0,\"UNQUALIFIED\":0}");

        // The workers' own counts lost (a restore from an old backup): their scores are wrong now.
        mongo.getCollection(generations.current().reading().cells()).deleteMany(new Document("_id",
                new Document("$regex", "^worker:gw-" + d + "-")));
        assertThat(scores(d)).isNotEqualTo(before);

        Rebuilds.awaitNoneRunning(generations);
        String rebuild = http.post().uri("/api/v1/admin/stats/rebuild").exchange().expectStatus().isAccepted()
                .expectBody(JsonNode.class).returnResult().getResponseBody().get("id").asString();
        await().atMost(Duration.ofMinutes(MONTH_OF_REPORTS / 2_500 * 2 + 5)).pollInterval(Duration.ofMillis(500)).until(() ->
                http.get().uri("/api/v1/admin/stats/rebuild").exchange().expectStatus().isOk()
                        .expectBody(JsonNode.class).returnResult().getResponseBody(),
                v -> rebuild.equals(v.get("id").asString()) && "DONE".equals(v.get("status").asString()));
        Counted.awaitAll(bootstrap, generations, Duration.ofMinutes(MONTH_OF_REPORTS / 2_500 * 2 + 4));
        assertThat(scores(d)).isEqualTo(before);
    }

    private JsonNode month(String d) {
        return http.get().uri("/api/v1/stats/grid-workers?areaCode={d}&month=2026-03", d).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    /** Each worker's month as the API gives it: measures, rules and score. */
    private Map<String, String> scores(String d) {
        Map<String, String> out = new TreeMap<>();
        month(d).get("workers").forEach(w -> out.put(w.get("workerId").asString(), w.toString()));
        return out;
    }

    /** How many workers have their one patrol counted. */
    private long patrolled(String d) {
        List<String> kinds = List.of("HAZARD_PATROLS", "HOUSEHOLD_VISITS", "INFORMATION_COLLECTIONS",
                "POLICY_PUBLICITY", "LIVELIHOOD_SERVICES", "DISPUTE_SCREENINGS");
        long n = 0;
        for (JsonNode w : month(d).get("workers")) {
            n += kinds.stream().mapToLong(k -> w.get("measures").get(k).asLong()).sum() == 1 ? 1 : 0;
        }
        return n;
    }
}
