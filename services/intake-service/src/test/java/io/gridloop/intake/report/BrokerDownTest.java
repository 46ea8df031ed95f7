package io.gridloop.intake.report;

import io.gridloop.infra.EmbeddedInfra;
import io.gridloop.infra.FreePort;
import io.gridloop.infra.ServiceIntegrationTest;
import io.gridloop.infra.auth.Identity;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** With no broker to acknowledge it, a report must not be acknowledged either. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.kafka.producer.properties.max.block.ms=1000",
        "spring.kafka.admin.auto-create=false",
        "gridloop.intake.publish-timeout=2s",
        "spring.mongodb.database=gridloop_intake_broker_down"})
class BrokerDownTest {

    @DynamicPropertySource
    static void nowhere(DynamicPropertyRegistry registry) {
        // A port nothing listens on: every send fails as it would with the broker down.
        registry.add("spring.kafka.bootstrap-servers", () -> "localhost:" + FreePort.next());
        EmbeddedInfra.shared().springProperties().forEach((key, value) -> {
            if (!key.equals("spring.kafka.bootstrap-servers")) {
                registry.add(key, () -> value);
            }
        });
    }

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Test
    void shouldAnswer503WithRetryAfterAndNeverAcceptWhenKafkaIsDown() {
        String clientEventId = UUID.randomUUID().toString();
        RestTestClient http = ServiceIntegrationTest.bearer("http://localhost:" + port, EmbeddedInfra.shared()
                .tokens().mint(Identity.of("gw-down", List.of("GRID_WORKER"), "150105001001003")));

        http.post().uri("/api/v1/events").contentType(MediaType.APPLICATION_JSON)
                .body(ReportApiTest.report(clientEventId, "gw-down", "150105001001003"))
                .exchange()
                .expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
                .expectHeader().valueEquals("Retry-After", "5")
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("BROKER_UNAVAILABLE");

        StoredReport kept = mongo.findOne(Query.query(Criteria.where("idempotencyKey")
                .is(StoredReport.idempotencyKey("gw-down", "gw-down", clientEventId))), StoredReport.class);
        assertThat(kept).as("kept for the retry").isNotNull();
        assertThat(kept.published()).isFalse();
    }
}
