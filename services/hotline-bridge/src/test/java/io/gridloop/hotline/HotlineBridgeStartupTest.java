package io.gridloop.hotline;

import io.gridloop.contracts.Topics;
import io.gridloop.infra.EmbeddedInfra;
import io.gridloop.infra.EmbeddedInfraInitializer;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.servlet.client.RestTestClient;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = EmbeddedInfraInitializer.class)
class HotlineBridgeStartupTest {

    @LocalServerPort
    int port;

    @Test
    void shouldStartHealthyWithItsDatabaseChecked() {
        RestTestClient.bindToServer().baseUrl("http://localhost:" + port).build()
                .get().uri("/actuator/health").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("UP")
                .jsonPath("$.components.mongo.details.database").isEqualTo("gridloop_hotline");
    }

    @Test
    void shouldHaveDeclaredItsTopicWithThePartitionsOfTheRegistry() throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", EmbeddedInfra.shared().bootstrapServers()))) {
            var description = admin.describeTopics(java.util.List.of(Topics.HOTLINE_ORDER_RECEIVED.name()))
                    .allTopicNames().get().get(Topics.HOTLINE_ORDER_RECEIVED.name());

            assertThat(description.partitions()).hasSize(Topics.HOTLINE_ORDER_RECEIVED.partitions());
        }
    }
}
