package io.gridloop.metrics.district;

import io.gridloop.contracts.EventCodec;
import io.gridloop.contracts.EventEnvelope;
import io.gridloop.contracts.ServiceNames;
import io.gridloop.contracts.Topics;
import io.gridloop.contracts.event.DistrictCompletionSnapshot;
import io.gridloop.infra.EmbeddedInfra;
import io.gridloop.infra.ServiceIntegrationTest;
import io.gridloop.infra.TopicReader;
import io.gridloop.infra.TopicWriter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.apache.kafka.common.TopicPartition;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalDouble;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class DashboardTest extends ServiceIntegrationTest {

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @Autowired
    DistrictSnapshots snapshots;

    private final EventCodec codec = new EventCodec();

    static String freshDistrict() {
        return "9" + ThreadLocalRandom.current().nextInt(10_000, 100_000);
    }

    private void publish(String district, String name, long reported, long closed, Instant asOf) {
        publish(district, name, reported, closed, closed, 0, asOf);
    }

    private void publish(String district, String name, long reported, long closed, long onTime, long overdue,
                         Instant asOf) {
        Double rate = reported == 0 ? null : (double) closed / reported;
        DistrictCompletionSnapshot s = new DistrictCompletionSnapshot(district, name, reported, closed, rate, asOf,
                "2026", onTime, closed == 0 ? null : (double) onTime / closed, overdue, reported - closed,
                java.util.List.of(new DistrictCompletionSnapshot.Month("2026-10", 4, 1, 0.25),
                        new DistrictCompletionSnapshot.Month("2026-11", reported, closed, rate)));
        TopicWriter.send(bootstrap, Topics.DISTRICT_STATS.name(), district,
                codec.encode(EventEnvelope.of(Topics.DISTRICT_STATS, ServiceNames.STATS, asOf, district, s)));
    }

    private String prometheus() {
        return http.get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
    }

    static OptionalDouble gauge(String scrape, String metric, String district) {
        return scrape.lines()
                .filter(l -> l.startsWith(metric + "{") && l.contains("district=\"" + district + "\""))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .findFirst();
    }

    @Test
    void shouldExposeEachDistrictsRateAndCountsAsGauges() {
        String d = freshDistrict();
        publish(d, "回民区", 8, 6, Instant.now());

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            String scrape = prometheus();
            assertThat(gauge(scrape, "gridloop_completion_rate", d)).hasValue(0.75);
            assertThat(gauge(scrape, "gridloop_events_reported", d)).hasValue(8);
            assertThat(gauge(scrape, "gridloop_events_closed", d)).hasValue(6);
        });
        assertThat(prometheus()).contains("district_name=\"回民区\"");
    }

    @Test
    void shouldLabelADistrictsSeriesWithItsNameOnceKnownAndOnlyOnce() {
        String d = freshDistrict();
        // Statistics name a district by its code until the registry has reached them.
        publish(d, d, 8, 6, Instant.now().minusSeconds(10));
        await().atMost(Duration.ofSeconds(30)).until(() -> prometheus().contains("district_name=\"" + d + "\""));

        publish(d, "玉泉区", 9, 6, Instant.now());

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            String scrape = prometheus();
            List<String> series = scrape.lines()
                    .filter(l -> l.startsWith("gridloop_completion_rate{") && l.contains("district=\"" + d + "\""))
                    .toList();
            assertThat(series).singleElement().satisfies(l -> assertThat(l).contains("district_name=\"玉泉区\""));
            assertThat(gauge(scrape, "gridloop_events_reported", d)).hasValue(9);
            assertThat(scrape).doesNotContain("district_name=\"" + d + "\"");
        });
    }

    @Test
    void shouldExposeTheOnTimeRateAndTheCasesOverdueNow() {
        String d = freshDistrict();
        publish(d, "土默特左旗", 10, 8, 6, 2, Instant.now());

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            String scrape = prometheus();
            assertThat(gauge(scrape, "gridloop_ontime_rate", d)).hasValue(0.75);
            assertThat(gauge(scrape, "gridloop_overdue_cases", d)).hasValue(2);
            assertThat(gauge(scrape, "gridloop_open_cases", d)).hasValue(2);
            assertThat(scrape.lines().filter(l -> l.startsWith("gridloop_month_completion_rate{")
                    && l.contains("district=\"" + d + "\"") && l.contains("month=\"2026-10\""))
                    .map(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).toList())
                    .containsExactly(0.25);
        });
    }

    @Test
    void shouldKeepTheNewerSnapshotWhenAnOlderOneArrivesLate() {
        String d = freshDistrict();
        Instant now = Instant.now();
        publish(d, "玉泉区", 10, 9, now);
        publish(d, "玉泉区", 10, 2, now.minusSeconds(60));
        String marker = freshDistrict();
        publish(marker, "玉泉区", 1, 1, now);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(gauge(prometheus(), "gridloop_completion_rate", marker)).isPresent());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(gauge(prometheus(), "gridloop_completion_rate", d)).hasValue(0.9));
    }

    @Test
    void shouldPushChangedFiguresToAnOpenPage() throws Exception {
        String d = freshDistrict();
        java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
        java.net.http.HttpResponse<java.util.stream.Stream<String>> stream = client.send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                        "http://localhost:" + port + "/api/v1/dashboard/stream"))
                        .header("Authorization", "Bearer " + EmbeddedInfra.shared().tokens().mint(TESTER)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofLines());
        assertThat(stream.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("text/event-stream"));
        java.util.concurrent.CompletableFuture<String> pushed = java.util.concurrent.CompletableFuture.supplyAsync(
                () -> stream.body().filter(line -> line.startsWith("data:") && line.contains(d)).findFirst()
                        .orElse(null));

        publish(d, "和林格尔县", 3, 2, Instant.now());

        String data = pushed.get(30, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(data).contains("\"districtName\":\"和林格尔县\"").contains("\"reported\":3");
        stream.body().close();
    }

    @Test
    void shouldReadEveryPartitionOfTheTopicItselfRatherThanShareThemInAGroup() {
        MessageListenerContainer container = listeners.getListenerContainer(SnapshotListener.ID);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(container.getAssignedPartitions())
                .extracting(TopicPartition::partition)
                .containsExactlyInAnyOrderElementsOf(IntStream.range(0, Topics.DISTRICT_STATS.partitions()).boxed()
                        .toList()));
        assertThat(container.getContainerProperties().getTopicPartitions()).as("assigned, not subscribed")
                .isNotEmpty();
    }

    @Test
    void shouldKnowEveryDistrictAgainAfterARestartFromTheTopicAlone() {
        String d = freshDistrict();
        publish(d, "新城区", 5, 4, Instant.now());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(gauge(prometheus(), "gridloop_completion_rate", d)).hasValue(0.8));
        MessageListenerContainer container = listeners.getListenerContainer(SnapshotListener.ID);

        container.stop();
        snapshots.forgetAll();
        assertThat(snapshots.of(d)).isNull();
        container.start();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(snapshots.of(d)).isNotNull().satisfies(s -> assertThat(s.closed()).isEqualTo(4));
            assertThat(gauge(prometheus(), "gridloop_completion_rate", d)).hasValue(0.8);
        });
    }

    @Test
    void shouldNeverTakeAnOlderSnapshotOverANewerOne() {
        DistrictSnapshots board = new DistrictSnapshots();
        String d = freshDistrict();
        Instant now = Instant.now();

        assertThat(board.offer(snapshot(d, 10, 9, now))).isTrue();
        assertThat(board.offer(snapshot(d, 10, 2, now.minusSeconds(5)))).as("late").isFalse();
        assertThat(board.offer(snapshot(d, 10, 9, now))).as("read again").isFalse();

        assertThat(board.all()).singleElement().satisfies(s -> assertThat(s.closed()).isEqualTo(9));
    }

    private static DistrictCompletionSnapshot snapshot(String district, long reported, long closed, Instant asOf) {
        return new DistrictCompletionSnapshot(district, "赛罕区", reported, closed, (double) closed / reported, asOf,
                "2026", closed, 1.0, 0, reported - closed, java.util.List.of());
    }

    @Test
    void shouldDeadLetterAPoisonSnapshotAndCarryOn() {
        String key = "poison-" + freshDistrict();
        TopicWriter.send(bootstrap, Topics.DISTRICT_STATS.name(), key, "[]".getBytes(StandardCharsets.UTF_8));
        String d = freshDistrict();
        publish(d, "武川县", 2, 1, Instant.now());

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(gauge(prometheus(), "gridloop_completion_rate", d)).hasValue(0.5));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(TopicReader.readAll(bootstrap, Topics.DISTRICT_STATS.deadLetterTopic()))
                        .anySatisfy(r -> assertThat(r.key()).isEqualTo(key)));
    }
}
