package io.gridloop.stats.rebuild;

import io.gridloop.contracts.Topics;
import io.gridloop.infra.ServiceIntegrationTest;
import io.gridloop.infra.auth.Identity;
import io.gridloop.stats.CaseHistories;
import io.gridloop.stats.Counted;
import io.gridloop.stats.Rebuilds;
import io.gridloop.stats.Recount;
import io.gridloop.stats.generations.Generation;
import io.gridloop.stats.generations.Generations;
import io.gridloop.stats.query.AreaFigures;
import org.apache.kafka.clients.admin.Admin;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * 统计重算: counts gone wrong are recounted from the transitions topic into a fresh generation while the old
 * figures stay readable, and readers switch over once the recount has caught up — also with cases arriving
 * meanwhile, and when the instance that began it stopped half-way.
 */
class StatsRebuildTest extends ServiceIntegrationTest {

    @Autowired
    MongoTemplate mongo;

    @Autowired
    Generations generations;

    @Test
    void shouldRecountWrongFiguresFromTheTopicAndSwitchOverOnceCaughtUp() {
        String wrong = CaseHistories.freshDistrict();
        List<CaseHistories.Outcome> wrongCases = outcomes(CaseHistories.publish(bootstrap, wrong, 300,
                ThreadLocalRandom.current().nextLong(), 0.05));
        awaitCaughtUp();
        assertThat(figures(wrong)).isEqualTo(Recount.of(wrongCases, c -> true));
        // What a defect since fixed left behind: cells that no longer equal a recount of the cases.
        Generation before = generations.current().reading();
        String oldApp = generations.current().readingApp();
        mongo.getCollection(before.cells()).deleteMany(new Document("_id",
                new Document("$regex", "^" + wrong + ".*\\|2026")));
        assertThat(figures(wrong)).isNotEqualTo(Recount.of(wrongCases, c -> true));

        Rebuilds.awaitNoneRunning(generations);
        RebuildView started = http.post().uri("/api/v1/admin/stats/rebuild").exchange()
                .expectStatus().isAccepted().expectBody(RebuildView.class).returnResult().getResponseBody();
        assertThat(started.status()).isEqualTo("RUNNING");
        assertThat(started.startedBy()).contains("tester");
        assertThat(started.target()).isEqualTo(before.number() + 1);
        // Cases keep coming while the recount runs; the new counts must hold them too.
        String meanwhile = CaseHistories.freshDistrict();
        List<CaseHistories.Outcome> newCases = outcomes(CaseHistories.publish(bootstrap, meanwhile, 200,
                ThreadLocalRandom.current().nextLong(), 0.05));

        RebuildView done = awaitDone(started.id());
        assertThat(done.reading()).isEqualTo(started.target());
        assertThat(generations.current().readingApp()).isNotEqualTo(oldApp);
        // The application that counted before is stopped, and what it kept in Kafka removed.
        await().atMost(Duration.ofSeconds(60)).until(() -> internalTopicsOf(oldApp).isEmpty());
        assertThat(done.percent()).isEqualTo(100.0);
        assertThat(done.recordsTotal()).isPositive().isEqualTo(done.recordsDone());
        assertThat(done.finishedAt()).isAfter(done.startedAt());
        awaitCaughtUp();
        assertThat(figures(wrong)).as("recounted").isEqualTo(Recount.of(wrongCases, c -> true));
        assertThat(figures(meanwhile)).as("arrived during the recount").isEqualTo(Recount.of(newCases, c -> true));

        // Cases after the switch go to the new counts only.
        String after = CaseHistories.freshDistrict();
        List<CaseHistories.Outcome> later = outcomes(CaseHistories.publish(bootstrap, after, 50,
                ThreadLocalRandom.current().nextLong(), 0));
        awaitCaughtUp();
        assertThat(figures(after)).isEqualTo(Recount.of(later, c -> true));
    }

    @Test
    void shouldTakeOverARecountWhoseInstanceStoppedAndRefuseASecondMeanwhile() {
        String d = CaseHistories.freshDistrict();
        List<CaseHistories.Outcome> cases = outcomes(CaseHistories.publish(bootstrap, d, 100,
                ThreadLocalRandom.current().nextLong(), 0.05));
        awaitCaughtUp();
        // An instance began a rebuild, then stopped without a word.
        Rebuilds.awaitNoneRunning(generations);
        Generations.Rebuild abandoned = generations.start("已停止的实例", "stats-gone");
        assertThat(abandoned).isNotNull();

        http.post().uri("/api/v1/admin/stats/rebuild").exchange().expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.code").isEqualTo("REBUILD_RUNNING")
                .jsonPath("$.title").isEqualTo("统计重算正在进行");
        as(Identity.of("supervisor", List.of("SUPERVISOR"), "CN")).post().uri("/api/v1/admin/stats/rebuild")
                .exchange().expectStatus().isForbidden();
        as(Identity.of("admin-saihan", List.of("ADMIN"), "150105")).post().uri("/api/v1/admin/stats/rebuild")
                .exchange().expectStatus().isForbidden().expectBody()
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("1501"));

        // Its owner has been silent for longer than the lease: another instance (this one) carries it on.
        mongo.getCollection("stat_generations").updateOne(new Document("_id", "counts"), new Document("$set",
                new Document("rebuild.heartbeatAt", Date.from(Instant.now().minus(Duration.ofMinutes(5))))));
        RebuildView done = awaitDone(abandoned.id());
        assertThat(done.reading()).isEqualTo(abandoned.target().number());
        assertThat(generations.current().rebuild().owner()).isNotEqualTo("stats-gone");
        awaitCaughtUp();
        assertThat(figures(d)).isEqualTo(Recount.of(cases, c -> true));
    }

    @Test
    void shouldRecountOnceByItselfWhatTheBatchLedgerOfEarlierVersionsCounted() {
        String d = CaseHistories.freshDistrict();
        List<CaseHistories.Outcome> cases = outcomes(CaseHistories.publish(bootstrap, d, 80,
                ThreadLocalRandom.current().nextLong(), 0.05));
        awaitCaughtUp();
        Rebuilds.awaitNoneRunning(generations);
        // An installation as the batch ledger left it: whole cells, and no application named as their keeper.
        Generation before = generations.current().reading();
        mongo.getCollection(before.cells()).insertOne(new Document("_id", d + "|2026-01").append("level", "DISTRICT")
                .append("code", d).append("bucket", "2026-01")
                .append("m", new Document("LIVELIHOOD|GRID_PATROL", new Document("reported", 999L))));
        assertThat(figures(d)).isNotEqualTo(Recount.of(cases, c -> true));
        mongo.getCollection("stat_generations").updateOne(new Document("_id", "counts"),
                new Document("$unset", new Document("readApp", "")));

        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(300)).until(() -> {
            Generations.State state = generations.current();
            return state.rebuild() != null && state.building() == null
                    && state.reading().number() > before.number();
        });
        assertThat(generations.current().rebuild().startedBy()).contains("系统升级");
        awaitCaughtUp();
        assertThat(figures(d)).isEqualTo(Recount.of(cases, c -> true));
    }

    private List<String> internalTopicsOf(String app) throws Exception {
        try (Admin admin = Admin.create(java.util.Map.of("bootstrap.servers", bootstrap))) {
            return admin.listTopics().names().get().stream().filter(t -> t.startsWith(app + "-")).toList();
        }
    }

    private RebuildView awaitDone(String id) {
        return await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(300)).until(() ->
                http.get().uri("/api/v1/admin/stats/rebuild").exchange().expectStatus().isOk()
                        .expectBody(RebuildView.class).returnResult().getResponseBody(),
                v -> id.equals(v.id()) && "DONE".equals(v.status()));
    }

    private java.util.Map<String, Long> figures(String district) {
        AreaFigures f = http.get().uri("/api/v1/stats/areas/" + district + "?period=2026").exchange()
                .expectStatus().isOk().expectBody(AreaFigures.class).returnResult().getResponseBody();
        return Recount.sameMeasures(f.counts());
    }

    private void awaitCaughtUp() {
        Counted.awaitAll(bootstrap, generations);
    }

    private static List<CaseHistories.Outcome> outcomes(List<CaseHistories.History> histories) {
        return histories.stream().map(CaseHistories.History::outcome).toList();
    }
}
