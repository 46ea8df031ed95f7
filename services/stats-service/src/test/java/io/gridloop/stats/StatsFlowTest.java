package io.gridloop.stats;

import io.gridloop.contracts.event.CaseAction;
import io.gridloop.contracts.EventCodec;
import io.gridloop.contracts.EventEnvelope;
import io.gridloop.contracts.ServiceNames;
import io.gridloop.contracts.Topics;
import io.gridloop.contracts.event.AreaRegistered;
import io.gridloop.contracts.event.CaseState;
import io.gridloop.contracts.event.CaseTransitioned;
import io.gridloop.contracts.event.DistrictCompletionSnapshot;
import io.gridloop.contracts.event.EventCategory;
import io.gridloop.contracts.area.AreaLevel;
import io.gridloop.contracts.event.ReportSource;
import io.gridloop.infra.ServiceIntegrationTest;
import io.gridloop.infra.TopicReader;
import io.gridloop.infra.TopicWriter;
import io.gridloop.stats.generations.Generation;
import io.gridloop.stats.generations.Generations;
import io.gridloop.stats.query.AreaFigures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The service end to end on the embedded broker: from transitions on the topic to tables and snapshots. */
class StatsFlowTest extends ServiceIntegrationTest {

    private final EventCodec codec = new EventCodec();

    @Autowired
    MongoTemplate mongo;

    @Autowired
    Generations generations;

    private List<CaseHistories.History> publish(String district, int cases, long seed, double republished) {
        return CaseHistories.publish(bootstrap, district, cases, seed, republished);
    }

    private void awaitCaughtUp() {
        Counted.awaitAll(bootstrap, generations);
    }

    private List<AreaFigures> table(String query) {
        return http.get().uri("/api/v1/stats/completion?" + query).exchange().expectStatus().isOk()
                .expectBody(Table.class).returnResult().getResponseBody().rows();
    }

    record Table(List<AreaFigures> rows, AreaFigures total) {
    }

    private AreaFigures area(String code, String period) {
        return http.get().uri("/api/v1/stats/areas/" + code + "?period=" + period).exchange()
                .expectStatus().isOk().expectBody(AreaFigures.class).returnResult().getResponseBody();
    }

    @Test
    void shouldCountWhatTheTopicCarriesAndLetStreetsAddUpToTheirDistrict() {
        String d = CaseHistories.freshDistrict();
        List<CaseHistories.History> histories = publish(d, 150, ThreadLocalRandom.current().nextLong(), 0.1);
        awaitCaughtUp();

        List<CaseHistories.Outcome> outcomes = histories.stream().map(CaseHistories.History::outcome).toList();
        AreaFigures district = table("level=district&period=2026").stream()
                .filter(r -> r.areaCode().equals(d)).findFirst().orElseThrow();
        assertThat(Recount.sameMeasures(district.counts())).isEqualTo(Recount.of(outcomes, c -> true));
        assertThat(district.areaName()).isEqualTo("测试区" + d);

        List<AreaFigures> streets = table("level=street&parent=" + d + "&period=2026");
        assertThat(streets).isNotEmpty().allSatisfy(s -> assertThat(s.parentCode()).isEqualTo(d));
        Map<String, Long> summed = new HashMap<>();
        streets.forEach(s -> s.counts().forEach((m, v) -> summed.merge(m, v, Long::sum)));
        assertThat(summed).isEqualTo(district.counts());
        for (AreaFigures street : streets) {
            List<AreaFigures> communities = table("level=community&parent=" + street.areaCode() + "&period=2026");
            assertThat(communities.stream().mapToLong(c -> c.counts().get("closed")).sum())
                    .as("communities of %s", street.areaCode()).isEqualTo(street.counts().get("closed"));
        }
    }

    @Test
    void shouldCountTheRecordsThisInstanceHandledItsShareOfTheWork() {
        awaitCaughtUp();
        double before = handledRecords();
        String d = CaseHistories.freshDistrict();
        List<CaseHistories.History> histories = publish(d, 20, ThreadLocalRandom.current().nextLong(), 0);
        awaitCaughtUp();

        long sent = histories.stream().mapToLong(h -> h.transitions().size()).sum();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(handledRecords() - before).isEqualTo((double) sent));
    }

    private double handledRecords() {
        return http.get().uri("/actuator/prometheus").exchange().expectStatus().isOk().expectBody(String.class)
                .returnResult().getResponseBody().lines()
                .filter(l -> l.startsWith("gridloop_kafka_records_handled_total{")
                        && l.contains("topic=\"" + Topics.CASE_TRANSITIONED.name() + "\""))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    @Test
    void shouldPublishTheDistrictsYearFiguresForTheDashboard() {
        String d = CaseHistories.freshDistrict();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        send(transition("a" + d, d, 1, "report", null, CaseState.REPORTED, now, now.plusSeconds(3_600)));
        send(transition("b" + d, d, 1, "report", null, CaseState.REPORTED, now, now.plusSeconds(3_600)));
        send(transition("b" + d, d, 2, "close", CaseState.FEEDBACK_SUBMITTED, CaseState.CLOSED, now.plusSeconds(60),
                now.plusSeconds(3_600)));
        send(transition("a" + d, d, 2, "overdue", CaseState.REPORTED, CaseState.REPORTED, now.plusSeconds(3_700),
                now.plusSeconds(3_600)));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<DistrictCompletionSnapshot> snapshots = TopicReader.readAll(bootstrap, Topics.DISTRICT_STATS.name())
                    .stream().filter(r -> d.equals(r.key()))
                    .map(r -> codec.decode(Topics.DISTRICT_STATS, r.value()).data()).toList();
            assertThat(snapshots).last().satisfies(s -> {
                assertThat(s.reported()).isEqualTo(2);
                assertThat(s.closed()).isEqualTo(1);
                assertThat(s.completionRate()).isEqualTo(0.5);
                assertThat(s.closedOnTime()).isEqualTo(1);
                assertThat(s.onTimeRate()).isEqualTo(1.0);
                assertThat(s.overdueNow()).isEqualTo(1);
                assertThat(s.openNow()).isEqualTo(1);
                assertThat(s.period()).isEqualTo(String.valueOf(java.time.Year.now(
                        java.time.ZoneId.of("Asia/Shanghai")).getValue()));
                assertThat(s.months()).hasSize(12);
                assertThat(s.months().getLast().month()).isEqualTo(java.time.YearMonth.now(
                        java.time.ZoneId.of("Asia/Shanghai")).toString());
                assertThat(s.months().getLast().reported()).isEqualTo(2);
                assertThat(s.months().getFirst().reported()).isZero();
            });
        });
    }

    @Test
    void shouldListAnOverdueCaseUntilItIsClosed() {
        String d = CaseHistories.freshDistrict();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Instant due = now.minus(Duration.ofHours(30));
        send(transition("late" + d, d, 1, "report", null, CaseState.REPORTED, now.minus(Duration.ofDays(4)), due));
        send(transition("late" + d, d, 2, "overdue", CaseState.REPORTED, CaseState.REPORTED,
                due.plusSeconds(60), due));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                http.get().uri("/api/v1/stats/overdue?area=" + d).exchange().expectStatus().isOk().expectBody()
                        .jsonPath("$.total").isEqualTo(1)
                        .jsonPath("$.items[0].caseId").isEqualTo("late" + d)
                        // carried from the report's transition: the overdue one names no number
                        .jsonPath("$.items[0].caseNumber").isEqualTo(numberOf(d))
                        .jsonPath("$.items[0].categoryName").isEqualTo("民生事项")
                        .jsonPath("$.items[0].overdueHours").value(h -> assertThat(((Number) h).longValue())
                                .isBetween(29L, 31L)));
        http.get().uri("/api/v1/stats/overdue?area=" + d.substring(0, 4) + "00").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.items[?(@.caseId == 'late" + d + "')]").exists();
        // The list keeps the area's fields flat, as installations have stored it all along.
        org.bson.Document stored = mongo.getCollection(generations.reading().overdue())
                .find(new org.bson.Document("_id", "late" + d)).first();
        assertThat(stored).containsEntry("districtCode", d).containsKey("gridCode").doesNotContainKey("area");

        send(transition("late" + d, d, 3, "close", CaseState.FEEDBACK_SUBMITTED, CaseState.CLOSED, now, due));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                http.get().uri("/api/v1/stats/overdue?area=" + d).exchange().expectStatus().isOk().expectBody()
                        .jsonPath("$.total").isEqualTo(0));
    }

    private void send(EventEnvelope<CaseTransitioned> e) {
        TopicWriter.send(bootstrap, Topics.CASE_TRANSITIONED.name(), e.subject(), codec.encode(e));
    }

    /** The number the test cases of {@code district} carry on their first transition only. */
    private static String numberOf(String district) {
        return "20261206" + district + "00042";
    }

    private static EventEnvelope<CaseTransitioned> transition(String caseId, String district, int seq, String action,
                                                              CaseState from, CaseState to, Instant at, Instant due) {
        boolean closed = to == CaseState.CLOSED;
        CaseTransitioned t = new CaseTransitioned(caseId, seq, CaseAction.fromWireName(action).orElseThrow(), from, to, district, "测试区" + district,
                district + "001001001", EventCategory.LIVELIHOOD, ReportSource.GRID_PATROL, at, due, at, "u",
                district, AreaLevel.DISTRICT, 0, null, closed ? at : null, closed ? Boolean.TRUE : null, null, null,
                district + "001001", "社区", district + "001", "街道", "SYSTEM", null, null, at.plusSeconds(60), null, null, null, null,
                List.of(), seq == 1 ? numberOf(district) : null);
        return EventEnvelope.of(Topics.CASE_TRANSITIONED, caseId + "-" + seq, ServiceNames.DISPATCH, at, caseId, t);
    }

    @Test
    void shouldCountTheSameFiguresAgainFromTheTopicIntoEmptyCells() {
        String d = CaseHistories.freshDistrict();
        List<CaseHistories.History> histories = publish(d, 2_000, ThreadLocalRandom.current().nextLong(), 0.05);
        awaitCaughtUp();
        List<CaseHistories.Outcome> outcomes = histories.stream().map(CaseHistories.History::outcome).toList();
        assertThat(Recount.sameMeasures(area(d, "2026").counts())).isEqualTo(Recount.of(outcomes, c -> true));
        Map<String, Object> before = everything(d);

        // The cells readers read are gone (a database restored from nothing); a recount fills the next generation.
        Rebuilds.awaitNoneRunning(generations);
        Generation reading = generations.current().reading();
        mongo.getCollection(reading.cells()).deleteMany(new org.bson.Document());
        assertThat(area(d, "2026").counts().get("reported")).isZero();
        String id = http.post().uri("/api/v1/admin/stats/rebuild").exchange().expectStatus().isAccepted()
                .expectBody(io.gridloop.stats.rebuild.RebuildView.class).returnResult().getResponseBody().id();
        await().atMost(Duration.ofMinutes(3)).until(() -> generations.current().rebuild().id().equals(id)
                && generations.current().building() == null);
        awaitCaughtUp();

        assertThat(generations.current().reading()).isEqualTo(reading.next());
        assertThat(everything(d)).isEqualTo(before);
    }

    /** Every table and trend a supervisor can ask for about the district this year. */
    private Map<String, Object> everything(String d) {
        Map<String, Object> all = new HashMap<>();
        for (String period : List.of("2026", "2026-Q1", "2026-03", "2026-03-02")) {
            all.put("district " + period, area(d, period));
            all.put("streets " + period, table("level=street&parent=" + d + "&period=" + period));
            all.put("communities " + period, table("level=community&parent=" + d + "&period=" + period));
            all.put("grids " + period, table("level=grid&parent=" + d + "&period=" + period));
        }
        all.put("trend", http.get().uri("/api/v1/stats/trend?area=" + d + "&to=2026-12").exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody());
        return all;
    }

    private void register(String code, String name, AreaLevel level, String parent) {
        TopicWriter.send(bootstrap, Topics.AREA_REGISTERED.name(), code, codec.encode(EventEnvelope.of(
                Topics.AREA_REGISTERED, code + "@1", ServiceNames.INTAKE, Instant.now(), code,
                new AreaRegistered(code, name, level, parent, true, Instant.now()))));
    }

    @Test
    void shouldListRegistryAreasNoCaseCameFromAndCountThemZeroComplaint() {
        String d = CaseHistories.freshDistrict();
        register(d, "新设区", AreaLevel.DISTRICT, null);
        register(d + "001", "新设街道", AreaLevel.STREET, d);
        register(d + "001001", "有投诉社区", AreaLevel.COMMUNITY, d + "001");
        register(d + "001002", "安静社区", AreaLevel.COMMUNITY, d + "001");
        register(d + "001001001", "有投诉社区第1网格", AreaLevel.GRID, d + "001001");
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        EventEnvelope<CaseTransitioned> complaint = transition("hot" + d, d, 1, "report", null, CaseState.REPORTED,
                now, now.plusSeconds(86_400));
        CaseTransitioned c = complaint.data();
        send(EventEnvelope.of(Topics.CASE_TRANSITIONED, complaint.id(), ServiceNames.DISPATCH, now, c.caseId(),
                new CaseTransitioned(c.caseId(), 1, CaseAction.REPORT, null, CaseState.REPORTED, d, "新设区",
                        d + "001001001", EventCategory.DISPUTE, ReportSource.HOTLINE_12345, now, c.dueAt(), now, "u",
                        d, AreaLevel.DISTRICT, 0, null, null, null, null, null, d + "001001", "有投诉社区", d + "001",
                        "新设街道", "SYSTEM", null, null, now.plusSeconds(3_600), null, null, null, null)));
        java.time.YearMonth month = java.time.YearMonth.now(java.time.ZoneId.of("Asia/Shanghai"));
        String quarter = month.getYear() + "-Q" + ((month.getMonthValue() - 1) / 3 + 1);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                http.get().uri("/api/v1/stats/zero-complaint?period=" + quarter + "&parent=" + d).exchange()
                        .expectStatus().isOk().expectBody()
                        .jsonPath("$.communities").isEqualTo(2)
                        .jsonPath("$.zeroComplaintCommunities.length()").isEqualTo(1)
                        .jsonPath("$.zeroComplaintCommunities[0].areaCode").isEqualTo(d + "001002")
                        .jsonPath("$.zeroComplaintCommunities[0].areaName").isEqualTo("安静社区"));
        assertThat(table("level=grid&parent=" + d + "001001&period=" + month).getFirst().areaName())
                .isEqualTo("有投诉社区第1网格");
        assertThat(table("level=district&period=" + month).stream().filter(r -> r.areaCode().equals(d)))
                .singleElement().satisfies(r -> assertThat(r.parentCode()).isEqualTo(d.substring(0, 4) + "00"));
    }

    @Test
    void shouldShowTheCountingApplicationInHealthAndItsLivenessProbe() {
        String app = generations.current().readingApp();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                http.get().uri("/actuator/health").exchange().expectStatus().isOk().expectBody()
                        .jsonPath("$.components.counting.status").isEqualTo("UP")
                        .jsonPath("$.components.counting.details['" + app + "']").isEqualTo("RUNNING"));
        http.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.status").isEqualTo("UP")
                .jsonPath("$.components.counting.status").isEqualTo("UP");
    }

    @Test
    void shouldDeadLetterAPoisonTransitionAndCarryOn() {
        String d = CaseHistories.freshDistrict();
        TopicWriter.send(bootstrap, Topics.CASE_TRANSITIONED.name(), "poison" + d,
                "\u0000\u0001binary junk".getBytes(StandardCharsets.UTF_8));
        Instant now = Instant.now();
        send(transition("a" + d, d, 1, "report", null, CaseState.REPORTED, now, now.plusSeconds(3_600)));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(area(d, String.valueOf(java.time.Year.now(java.time.ZoneId.of("Asia/Shanghai"))))
                        .counts().get("reported")).isEqualTo(1));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(TopicReader.readAll(bootstrap, Topics.CASE_TRANSITIONED.deadLetterTopic()))
                        .anySatisfy(r -> {
                            assertThat(r.key()).isEqualTo("poison" + d);
                            // As every listener's dead letters do: which group parked it, and from where.
                            assertThat(new String(r.headers().lastHeader("kafka_dlt-original-consumer-group").value(),
                                    StandardCharsets.UTF_8)).isEqualTo(generations.current().readingApp());
                            assertThat(new String(r.headers().lastHeader("kafka_dlt-original-topic").value(),
                                    StandardCharsets.UTF_8)).isEqualTo(Topics.CASE_TRANSITIONED.name());
                        }));
    }
}
