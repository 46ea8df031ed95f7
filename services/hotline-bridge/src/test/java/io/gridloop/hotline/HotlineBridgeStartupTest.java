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

    @Test
    void shouldHaveDeclaredItsTopicWithThePartitionsOfTheRegistry() throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            var description = admin.describeTopics(java.util.List.of(Topics.HOTLINE_ORDER_RECEIVED.name()))
                    .allTopicNames().get().get(Topics.HOTLINE_ORDER_RECEIVED.name());

            assertThat(description.partitions()).hasSize(Topics.HOTLINE_ORDER_RECEIVED.partitions());
        }
    }
}
