package io.gridloop.hotline.visit;

import io.gridloop.contracts.EventCodec;
import io.gridloop.contracts.EventEnvelope;
import io.gridloop.contracts.Topics;
import io.gridloop.contracts.event.HotlineVisitRecorded;
import io.gridloop.contracts.event.VisitResolution;
import io.gridloop.contracts.event.VisitSatisfaction;
import io.gridloop.contracts.hotline.OrderReceipt;
import io.gridloop.contracts.hotline.ReturnVisit;
import io.gridloop.contracts.hotline.VisitReceipt;
import io.gridloop.contracts.hotline.WorkOrder;
import io.gridloop.hotline.BridgeTest;
import io.gridloop.hotline.simulator.HotlineSimulator;
import io.gridloop.hotline.simulator.OrderFactory;
import io.gridloop.infra.TopicReader;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ReturnVisitTest extends BridgeTest {

    private final EventCodec codec = new EventCodec();
    private final JsonMapper json = codec.mapper();
    private static final OrderFactory ORDERS = new OrderFactory(List.of("150105001001003"), 12,
            "V" + System.nanoTime() % 100_000);

    private List<EventEnvelope<HotlineVisitRecorded>> published(String caseId) {
        return TopicReader.readAll(bootstrap, Topics.HOTLINE_VISIT_RECORDED.name()).stream()
                .filter(r -> caseId.equals(r.key()))
                .map(r -> codec.decode(Topics.HOTLINE_VISIT_RECORDED, r.value())).toList();
    }

    @Test
    void shouldPassEachVisitOnToTheCaseOnceUnderItsVisitId() {
        WorkOrder order = ORDERS.next(Instant.now());
        OrderReceipt receipt = json.readValue(hotline.pushOrder(order).body(), OrderReceipt.class);
        ReturnVisit visit = new ReturnVisit("HF-" + order.orderNumber(), VisitResolution.PARTLY_RESOLVED,
                VisitSatisfaction.UNSATISFIED, "灯修好了又坏", "agent-9", Instant.now().truncatedTo(ChronoUnit.SECONDS));

        HotlineSimulator.Delivery first = hotline.postVisit(order.orderNumber(), visit);
        HotlineSimulator.Delivery again = hotline.postVisit(order.orderNumber(), visit);

        assertThat(first.status()).isEqualTo(202);
        assertThat(json.readValue(first.body(), VisitReceipt.class).caseId()).isEqualTo(receipt.caseId());
        assertThat(json.readValue(again.body(), VisitReceipt.class).duplicate()).isTrue();
        assertThat(published(receipt.caseId())).singleElement().satisfies(e -> {
            assertThat(e.id()).isEqualTo(visit.visitId());
            assertThat(e.data().orderNumber()).isEqualTo(order.orderNumber());
            assertThat(e.data().resolution()).isEqualTo(VisitResolution.PARTLY_RESOLVED);
            assertThat(e.data().satisfaction()).isEqualTo(VisitSatisfaction.UNSATISFIED);
            assertThat(e.data().visitedAt()).isEqualTo(visit.visitedAt());
        });
    }

    @Test
    void shouldRefuseAVisitForAnUnknownOrderOrWithoutSignature() {
        String body = """
                {"visitId":"HF-X","resolution":"RESOLVED","satisfaction":"SATISFIED","visitedAt":"2026-11-23T08:00:00Z"}""";

        signedPost("/api/v1/hotline/orders/GD-NO-SUCH-ORDER/visits", body).expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("UNKNOWN_ORDER");
        signedPost("/api/v1/hotline/orders/GD-NO-SUCH-ORDER/visits", body, "wrong", Instant.now())
                .expectStatus().isUnauthorized();
        signedPost("/api/v1/hotline/orders/GD-NO-SUCH-ORDER/visits", body.replace("\"RESOLVED\"", "\"FIXED\""))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.code").isEqualTo("MALFORMED_FIELD");
    }

    /**
     * A signature covers the method and the path as well as the body, and each one is good once: a visit signed
     * for one order is refused on another's path, and the same signed request sent again is refused.
     */
    @Test
    void shouldRefuseASignedVisitOnAnotherOrdersPathOrSentAgain() {
        WorkOrder mine = ORDERS.next(Instant.now());
        WorkOrder other = ORDERS.next(Instant.now());
        hotline.pushOrder(mine);
        hotline.pushOrder(other);
        String path = "/api/v1/hotline/orders/" + mine.orderNumber() + "/visits";
        byte[] body = ("{\"visitId\":\"HF-R-" + mine.orderNumber() + "\",\"resolution\":\"RESOLVED\","
                + "\"satisfaction\":\"SATISFIED\",\"visitedAt\":\"2026-11-23T08:00:00Z\"}")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        java.util.Map<String, String> signed = io.gridloop.contracts.hotline.HotlineSignature.headers(
                SECRET.getBytes(java.nio.charset.StandardCharsets.UTF_8), Instant.now(), "POST", path, body);

        anonymous.post().uri("/api/v1/hotline/orders/" + other.orderNumber() + "/visits")
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .headers(h -> signed.forEach(h::add)).body(body).exchange()
                .expectStatus().isUnauthorized().expectBody().jsonPath("$.code").isEqualTo("SIGNATURE_MISMATCH");
        anonymous.post().uri(path).contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .headers(h -> signed.forEach(h::add)).body(body).exchange().expectStatus().isAccepted();
        anonymous.post().uri(path).contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .headers(h -> signed.forEach(h::add)).body(body).exchange()
                .expectStatus().isUnauthorized().expectBody().jsonPath("$.code").isEqualTo("SIGNATURE_REPLAYED");
    }
}
