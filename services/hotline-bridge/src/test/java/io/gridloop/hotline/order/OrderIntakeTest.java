package io.gridloop.hotline.order;

import io.gridloop.contracts.EventCodec;
import io.gridloop.contracts.Topics;
import io.gridloop.contracts.event.HotlineOrderReceived;
import io.gridloop.contracts.hotline.OrderReceipt;
import io.gridloop.contracts.hotline.WorkOrder;
import io.gridloop.hotline.BridgeTest;
import io.gridloop.hotline.simulator.HotlineSimulator;
import io.gridloop.hotline.simulator.OrderFactory;
import io.gridloop.infra.TopicReader;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class OrderIntakeTest extends BridgeTest {

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.data.mongodb.core.MongoTemplate mongo;

    private final EventCodec codec = new EventCodec();
    private final JsonMapper json = codec.mapper();
    private static final OrderFactory ORDERS = new OrderFactory(List.of("150105001001003"), 11,
            "I" + System.nanoTime() % 100_000);

    private List<HotlineOrderReceived> published(String orderNumber) {
        return TopicReader.readAll(bootstrap, Topics.HOTLINE_ORDER_RECEIVED.name()).stream()
                .filter(r -> orderNumber.equals(r.key()))
                .map(r -> codec.decode(Topics.HOTLINE_ORDER_RECEIVED, r.value()).data()).toList();
    }

    @Test
    void shouldRefuseUnsignedStaleAndTamperedOrdersAndKeepNothingOfThem() {
        WorkOrder order = ORDERS.next(Instant.now());
        String body = json.writeValueAsString(order);

        http.post().uri("/api/v1/hotline/orders").contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .body(body).exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith("application/problem+json")
                .expectBody().jsonPath("$.code").isEqualTo("SIGNATURE_MISSING");
        signedPost("/api/v1/hotline/orders", body, SECRET, Instant.now().minusSeconds(301))
                .expectStatus().isUnauthorized().expectBody().jsonPath("$.code").isEqualTo("SIGNATURE_STALE");
        signedPost("/api/v1/hotline/orders", body, "not-the-secret", Instant.now())
                .expectStatus().isUnauthorized().expectBody().jsonPath("$.code").isEqualTo("SIGNATURE_MISMATCH");

        http.get().uri("/api/v1/hotline/orders/{n}", order.orderNumber()).exchange().expectStatus().isNotFound();
        assertThat(published(order.orderNumber())).isEmpty();
    }

    @Test
    void shouldTakeAnOrderOnceAndPassItToIntakeUnderANewCaseId() {
        WorkOrder order = ORDERS.next(Instant.now());

        HotlineSimulator.Delivery first = hotline.pushOrder(order);
        HotlineSimulator.Delivery again = hotline.pushOrder(order);

        assertThat(first.status()).isEqualTo(202);
        OrderReceipt receipt = json.readValue(first.body(), OrderReceipt.class);
        OrderReceipt repeated = json.readValue(again.body(), OrderReceipt.class);
        assertThat(receipt.duplicate()).isFalse();
        assertThat(repeated.duplicate()).isTrue();
        assertThat(repeated.caseId()).isEqualTo(receipt.caseId());
        List<HotlineOrderReceived> events = published(order.orderNumber());
        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.caseId()).isEqualTo(receipt.caseId());
            assertThat(e.dueAt()).isEqualTo(order.dueAt());
            assertThat(e.categoryPath()).isEqualTo(order.categoryPath());
            assertThat(e.gridCode()).isEqualTo(order.gridCode());
        });
        assertThat(codec.mapper().writeValueAsString(events.getFirst())).as("contact details stay in the bridge")
                .doesNotContain(order.contact().phone());
        http.get().uri("/api/v1/hotline/cases/{id}", receipt.caseId()).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.orderNumber").isEqualTo(order.orderNumber())
                .jsonPath("$.origin").isEqualTo("PUSHED");
    }

    @Test
    void shouldShowAnOrderWithTheCitizensContactMasked() {
        WorkOrder order = ORDERS.next(Instant.now());
        assertThat(hotline.pushOrder(order).accepted()).isTrue();

        String phone = order.contact().phone();
        http.get().uri("/api/v1/hotline/orders/{n}", order.orderNumber()).exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.contact.phone").isEqualTo(phone.substring(0, 3) + "****" + phone.substring(7))
                .jsonPath("$.contact.name").value(name -> assertThat((String) name).endsWith("*"))
                .jsonPath("$.originLabel").isEqualTo("热线推送")
                .jsonPath("$.publishedAt").isNotEmpty();

        // At rest the citizen's name and number are encrypted: the stored document holds neither.
        org.bson.Document stored = mongo.getCollection(StoredOrder.COLLECTION)
                .find(new org.bson.Document("_id", order.orderNumber())).first();
        assertThat(stored).isNotNull();
        assertThat(stored.toJson()).doesNotContain(phone).doesNotContain(order.contact().name())
                .contains("enc:v1:");
    }

    @Test
    void shouldRefuseAnInvalidOrderFieldByFieldAndOneThatNamesNoPlace() {
        String noText = """
                {"orderNumber":"GDX0001","orderKind":"主办","categoryPath":["城乡建设"],
                 "gridCode":"150105001001003","dueAt":"2026-12-01T00:00:00Z","createdAt":"2026-11-23T00:00:00Z"}""";
        signedPost("/api/v1/hotline/orders", noText).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("VALIDATION_FAILED")
                .jsonPath("$.errors[0].field").isEqualTo("requestText");

        String nowhere = """
                {"orderNumber":"GDX0002","orderKind":"主办","categoryPath":["城乡建设"],"requestText":"路灯不亮",
                 "dueAt":"2026-12-01T00:00:00Z","createdAt":"2026-11-23T00:00:00Z"}""";
        signedPost("/api/v1/hotline/orders", nowhere).expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.code").isEqualTo("ORDER_NOT_PLACEABLE");
        http.get().uri("/api/v1/hotline/orders/GDX0002").exchange().expectStatus().isNotFound();
    }

    @Test
    void shouldPullOrdersTheHotlineOffersForPolling() {
        WorkOrder offered = ORDERS.next(Instant.now());

        hotline.offerForPolling(offered);

        await().atMost(Duration.ofSeconds(20)).until(() -> !published(offered.orderNumber()).isEmpty());
        http.get().uri("/api/v1/hotline/orders/{n}", offered.orderNumber()).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.origin").isEqualTo("POLLED");
        // Pushed as well (some cities do both): still one order.
        assertThat(json.readValue(hotline.pushOrder(offered).body(), OrderReceipt.class).duplicate()).isTrue();
        assertThat(published(offered.orderNumber())).hasSize(1);
    }

    /**
     * An order body over the bridge's 1 MB is refused with 413 before its signature is checked — declared, or
     * streamed without a length (the signature check's body cache then reads past the platform's limit).
     */
    @Test
    void shouldRefuseAnOversizedOrderWhetherItsLengthIsDeclaredOrNot() throws Exception {
        byte[] huge = ("{\"requestText\":\"" + "x".repeat(1_100_000) + "\"}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
        java.net.URI orders = java.net.URI.create("http://localhost:" + port + "/api/v1/hotline/orders");

        java.net.http.HttpResponse<String> declared = client.send(java.net.http.HttpRequest.newBuilder(orders)
                .header("Content-Type", "application/json").header("X-Hotline-Signature", "sha256=00")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(huge)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        java.net.http.HttpResponse<String> streamed = client.send(java.net.http.HttpRequest.newBuilder(orders)
                .header("Content-Type", "application/json").header("X-Hotline-Signature", "sha256=00")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(huge)))
                .build(), java.net.http.HttpResponse.BodyHandlers.ofString());

        for (java.net.http.HttpResponse<String> answer : List.of(declared, streamed)) {
            assertThat(answer.statusCode()).isEqualTo(413);
            assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(answer.body()).contains("PAYLOAD_TOO_LARGE");
        }
    }
}
