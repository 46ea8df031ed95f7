package io.gridloop.localstack;

import io.gridloop.contracts.event.CaseState;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Drives cases through a running stack the way its users do: grid workers report, handlers work the case. */
final class LoopDriver {

    static final Duration PATIENCE = Duration.ofSeconds(60);

    private final RestTestClient intake;
    private final RestTestClient dispatch;

    LoopDriver(RestTestClient intake, RestTestClient dispatch) {
        this.intake = intake;
        this.dispatch = dispatch;
    }

    /** {@code count} street-light reports from the first five grids of a community (12-digit code) in the registry. */
    List<String> report(String community, int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String body = """
                    {"clientEventId":"%s","source":"GRID_PATROL","category":"LIVELIHOOD",
                     "subCategory":"STREETLIGHT",
                     "gridCode":"%s%03d","description":"小区路灯不亮","occurredAt":"2026-03-02T01:20:00Z",
                     "reporterId":"gw-e2e"}""".formatted(UUID.randomUUID(), community, i % 5 + 1);
            JsonNode receipt = intake.post().uri("/api/v1/events").contentType(MediaType.APPLICATION_JSON)
                    .body(body).exchange()
                    .expectStatus().isEqualTo(HttpStatus.ACCEPTED)
                    .expectBody(JsonNode.class).returnResult().getResponseBody();
            ids.add(receipt.get("eventId").asString());
        }
        return ids;
    }

    /** Accepts, feeds back and closes a routed case. */
    void runToClosed(String caseId) {
        for (String action : List.of("accept", "feedback", "close")) {
            dispatch.post().uri("/api/v1/cases/{id}/actions/{a}", caseId, action)
                    .contentType(MediaType.APPLICATION_JSON).body("{\"comment\":\"已处理完毕\"}")
                    .exchange().expectStatus().isOk();
        }
    }

    void awaitState(String caseId, CaseState state) {
        await().atMost(PATIENCE).untilAsserted(() -> {
            var answer = dispatch.get().uri("/api/v1/cases/{id}", caseId).exchange().returnResult(JsonNode.class);
            assertThat(answer.getStatus().value()).isEqualTo(200);
            assertThat(answer.getResponseBody().get("state").asString()).isEqualTo(state.name());
        });
    }
}
