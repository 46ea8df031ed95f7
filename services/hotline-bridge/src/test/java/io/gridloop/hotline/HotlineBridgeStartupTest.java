package io.gridloop.hotline;

import io.gridloop.contracts.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class HotlineBridgeStartupTest extends BridgeTest {

    @Test
    void shouldStartHealthyWithItsDatabaseChecked() {
        http.get().uri("/actuator/health").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("UP")
                .jsonPath("$.components.mongo.details.database").isEqualTo("gridloop_hotline");
    }

    /** The fault suite stops the broker and sees readiness go DOWN while liveness stays UP. */
    @Test
    void shouldBeReadyOnlyWithItsBrokerAndDatabaseButAliveOnItsOwn() {
        http.get().uri("/actuator/health/readiness").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.components.kafka.status").isEqualTo("UP")
                .jsonPath("$.components.kafka.details.brokers").isEqualTo(1)
                .jsonPath("$.components.mongo.status").isEqualTo("UP")
                .jsonPath("$.components.readinessState.status").isEqualTo("UP");
        http.get().uri("/actuator/health/liveness").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.components.kafka").doesNotExist()
                .jsonPath("$.components.mongo").doesNotExist();
    }

    @Test
    void shouldHaveDeclaredItsTopicWithThePartitionsOfTheRegistry() throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            var description = admin.describeTopics(java.util.List.of(Topics.HOTLINE_ORDER_RECEIVED.name()))
                    .allTopicNames().get().get(Topics.HOTLINE_ORDER_RECEIVED.name());

            assertThat(description.partitions()).hasSize(Topics.HOTLINE_ORDER_RECEIVED.partitions());
        }
    }
}
