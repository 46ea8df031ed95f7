package io.gridloop.stats.completion;

import io.gridloop.contracts.EventCodec;
import io.gridloop.contracts.EventEnvelope;
import io.gridloop.contracts.Topics;
import io.gridloop.contracts.event.CaseTransitioned;
import io.gridloop.contracts.event.DistrictCompletionSnapshot;
import io.gridloop.infra.ConsumerLag;
import io.gridloop.infra.ServiceIntegrationTest;
import io.gridloop.infra.TopicReader;
import io.gridloop.infra.TopicWriter;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import static io.gridloop.stats.completion.Transitions.closed;
import static io.gridloop.stats.completion.Transitions.freshDistrict;
import static io.gridloop.stats.completion.Transitions.reported;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class StatsFlowTest extends ServiceIntegrationTest {

    private final EventCodec codec = new EventCodec();

    private void send(EventEnvelope<CaseTransitioned> e) {
        TopicWriter.send(bootstrap, Topics.CASE_TRANSITIONED.name(), e.subject(), codec.encode(e));
    }

    private DistrictCompletion row(String district) {
        return http.get().uri("/api/v1/stats/completion?level=district").exchange()
                .expectStatus().isOk()
                .expectBody(CompletionController.CompletionTable.class).returnResult().getResponseBody()
                .rows().stream().filter(r -> r.districtCode().equals(district)).findFirst().orElse(null);
    }

    @Test
    void shouldServeCountsFromTheTopicAndPublishASnapshot() {
        String d = freshDistrict();
        for (String c : List.of("a", "b", "c", "d")) {
            send(reported(c + d, d));
        }
        send(closed("a" + d, d));
        send(closed("b" + d, d));
        send(closed("c" + d, d));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(row(d)).isEqualTo(new DistrictCompletion(d, "测试区" + d, 4, 3, 0.75)));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<DistrictCompletionSnapshot> snapshots = TopicReader.readAll(bootstrap, Topics.DISTRICT_STATS.name())
                    .stream().filter(r -> d.equals(r.key()))
                    .map(r -> codec.decode(Topics.DISTRICT_STATS, r.value()).data()).toList();
            assertThat(snapshots).last().satisfies(s -> {
                assertThat(s.reported()).isEqualTo(4);
                assertThat(s.closed()).isEqualTo(3);
                assertThat(s.completionRate()).isEqualTo(0.75);
            });
        });
    }

    @Test
    void shouldChangeNothingWhenATransitionIsDeliveredAgain() {
        String d = freshDistrict();
        send(reported("a" + d, d));
        send(closed("a" + d, d));
        send(reported("b" + d, d));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(row(d)).isNotNull()
                .extracting(DistrictCompletion::reported).isEqualTo(2L));

        send(closed("a" + d, d));
        send(reported("b" + d, d));
        await().atMost(Duration.ofSeconds(30)).until(() ->
                ConsumerLag.of(bootstrap, "stats-service", Topics.CASE_TRANSITIONED.name()) == 0);

        assertThat(row(d)).isEqualTo(new DistrictCompletion(d, "测试区" + d, 2, 1, 0.5));
    }

    @Test
    void shouldDeadLetterAPoisonTransitionAndCarryOn() {
        String d = freshDistrict();
        TopicWriter.send(bootstrap, Topics.CASE_TRANSITIONED.name(), "poison" + d,
                "\u0000\u0001binary junk".getBytes(StandardCharsets.UTF_8));
        send(reported("a" + d, d));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(row(d)).isNotNull());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(TopicReader.readAll(bootstrap, Topics.CASE_TRANSITIONED.deadLetterTopic()))
                        .anySatisfy(r -> assertThat(r.key()).isEqualTo("poison" + d)));
    }

    @Test
    void shouldRefuseALevelItCannotServeYet() {
        http.get().uri("/api/v1/stats/completion?level=grid").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("UNSUPPORTED_LEVEL");
    }
}
