package io.gridloop.hotline.access;

import io.gridloop.contracts.EventCodec;
import io.gridloop.contracts.hotline.WorkOrder;
import io.gridloop.hotline.BridgeTest;
import io.gridloop.hotline.simulator.OrderFactory;
import io.gridloop.infra.AccessMatrix;
import io.gridloop.infra.auth.Identity;
import io.gridloop.contracts.event.ReportSource;
import io.gridloop.hotline.TestTransitions;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The 12345 platform gets in with its HMAC signature only — no token of the realm replaces it; lookups are the
 * dispatch centre's (orders in its own grids), the outbox the administrators'.
 */
class BridgeAccessMatrixTest extends BridgeTest {

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.context.ApplicationContext context;

    private static final OrderFactory ORDERS = new OrderFactory(List.of("150105001001003"), 17,
            "M" + System.nanoTime() % 100_000);

    private RestTestClient client(Identity who) {
        return who == null ? anonymous : as(who);
    }

    @Test
    void shouldLetTheHotlineInBySignatureAndPeopleByRoleAndArea() {
        WorkOrder order = ORDERS.next(Instant.now());
        String body = new EventCodec().mapper().writeValueAsString(order);
        signedPost("/api/v1/hotline/orders", body).expectStatus().isAccepted();
        // An order the hotline sent without a grid: it belongs to no area until its case is placed.
        WorkOrder unplaced = withoutGrid(ORDERS.next(Instant.now()));
        String caseId = signedPost("/api/v1/hotline/orders", new EventCodec().mapper().writeValueAsString(unplaced))
                .expectStatus().isAccepted().expectBody(JsonNode.class).returnResult().getResponseBody()
                .get("caseId").asString();

        new AccessMatrix(this::client).serving(AccessMatrix.endpointsOf(context))
                .caller("OPERATOR@150105", Identity.of("op-in", List.of("OPERATOR"), "150105"))
                .caller("OPERATOR@150102", Identity.of("op-out", List.of("OPERATOR"), "150102"))
                .caller("ADMIN@1501", Identity.of("admin", List.of("ADMIN"), "1501"))
                .caller("ADMIN@150102", Identity.of("admin-out", List.of("ADMIN"), "150102"))
                .caller("OPERATOR@CN", Identity.of("op-cn", List.of("OPERATOR"), "CN"))
                .caller("SUPERVISOR@150105", Identity.of("sv-in", List.of("SUPERVISOR"), "150105"))
                .caller("HANDLER@150105-WATER", Identity.of("h-in", List.of("HANDLER"), "150105")
                        .withUnit("150105-WATER"))
                .call("POST /hotline/orders without a signature", c -> c.post().uri("/api/v1/hotline/orders")
                        .contentType(MediaType.APPLICATION_JSON).body(body).exchange())
                .call("POST /hotline/orders/{n}/visits without a signature", c -> c.post()
                        .uri("/api/v1/hotline/orders/{n}/visits", order.orderNumber())
                        .contentType(MediaType.APPLICATION_JSON).body("{}").exchange())
                .call("POST /hotline/orders/{n}/extension-decisions without a signature", c -> c.post()
                        .uri("/api/v1/hotline/orders/{n}/extension-decisions", order.orderNumber())
                        .contentType(MediaType.APPLICATION_JSON).body("{}").exchange())
                .call("GET /hotline/orders/{n} (a 150105 grid)", c -> c.get()
                        .uri("/api/v1/hotline/orders/{n}", order.orderNumber()).exchange(),
                        "OPERATOR@150105", "ADMIN@1501", "OPERATOR@CN")
                .call("GET /hotline/orders/{n} (no grid yet)", c -> c.get()
                        .uri("/api/v1/hotline/orders/{n}", unplaced.orderNumber()).exchange(), "OPERATOR@CN")
                .call("GET /hotline/cases/{id} (not placed yet)", c -> c.get()
                        .uri("/api/v1/hotline/cases/{id}", caseId).exchange(), "OPERATOR@CN")
                .call("GET /hotline/cases/{id}/syncs (not placed yet)", c -> c.get()
                        .uri("/api/v1/hotline/cases/{id}/syncs", caseId).exchange(), "OPERATOR@CN")
                .call("GET /hotline/outbox", c -> c.get().uri("/api/v1/hotline/outbox").exchange(), "ADMIN@1501",
                        "ADMIN@150102")
                .call("GET /hotline/outbox/dead-letters", c -> c.get().uri("/api/v1/hotline/outbox/dead-letters")
                        .exchange(), "ADMIN@1501", "ADMIN@150102")
                // No dead letter of that id: administrators get past the checks to 404, everyone else is refused
                // before (StatusSyncTest retries a real one, inside and outside the area).
                .call("POST /hotline/outbox/dead-letters/{id}/retry", c -> c.post()
                        .uri("/api/v1/hotline/outbox/dead-letters/no-such/retry").exchange())
                .call("GET /admin/audit", c -> c.get().uri("/api/v1/admin/audit").exchange(), "ADMIN@1501",
                        "ADMIN@150102")
                .verify();

        // The hotline's calls are on record under the name their signature proves, refused ones too.
        JsonNode trail = as(Identity.of("admin-audit", List.of("ADMIN"), "1501")).get()
                .uri("/api/v1/admin/audit?path=/api/v1/hotline/orders&size=500").exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        List<String> seen = trail.get("items").valueStream()
                .map(e -> e.get("actor").asString() + " " + e.get("status").asInt()).toList();
        assertThat(seen).contains("12345-hotline (HMAC) 202")
                .as("unsigned attempts are counted, not stored one by one").noneMatch(s -> s.startsWith("unsigned"));

        // Once dispatch has placed the case (in 赛罕区), the area's centre sees the order; another area's does not.
        new TestTransitions(bootstrap, caseId, ReportSource.HOTLINE_12345).opened();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> as(Identity.of("op-in", List.of("OPERATOR"),
                "150105")).get().uri("/api/v1/hotline/orders/{n}", unplaced.orderNumber()).exchange()
                .expectStatus().isOk());
        as(Identity.of("op-in", List.of("OPERATOR"), "150105")).get().uri("/api/v1/hotline/cases/{id}", caseId)
                .exchange().expectStatus().isOk();
        as(Identity.of("admin-out", List.of("ADMIN"), "150102")).get()
                .uri("/api/v1/hotline/orders/{n}", unplaced.orderNumber()).exchange().expectStatus().isNotFound();
    }

    private static WorkOrder withoutGrid(WorkOrder o) {
        // Near the centre of grid 150105001001003 in the demo registry: intake places it by its position.
        return new WorkOrder(o.orderNumber(), o.orderKind(), o.categoryPath(), o.requestText(), o.address(),
                new io.gridloop.contracts.event.GeoPoint(40.7492, 111.7147), null, o.contact(), o.urgency(),
                o.dueAt(), o.createdAt(), o.leadUnit());
    }
}
