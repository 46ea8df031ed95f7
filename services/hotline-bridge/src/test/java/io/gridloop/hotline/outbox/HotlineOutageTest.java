package io.gridloop.hotline.outbox;

import io.gridloop.contracts.EventCodec;
import io.gridloop.contracts.event.CaseState;
import io.gridloop.contracts.event.ReportSource;
import io.gridloop.contracts.hotline.OrderReceipt;
import io.gridloop.contracts.hotline.StatusSync;
import io.gridloop.contracts.hotline.SyncStatus;
import io.gridloop.contracts.hotline.WorkOrder;
import io.gridloop.hotline.BridgeTest;
import io.gridloop.hotline.TestTransitions;
import io.gridloop.hotline.simulator.OrderFactory;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The fault test of the issue: the hotline goes away while cases keep moving, comes back flaky (503s, answers
 * that arrive after the bridge gave up waiting), and Kafka delivers some transitions twice. Afterwards every order
 * must have received every step exactly once, in order.
 */
class HotlineOutageTest extends BridgeTest {

    private static final Logger log = LoggerFactory.getLogger(HotlineOutageTest.class);
    private static final int ORDERS = 40;

    private final JsonMapper json = new EventCodec().mapper();
    private final OrderFactory factory = new OrderFactory(List.of("150105001001003"), 14,
            "F" + System.nanoTime() % 100_000);

    private JsonNode outbox() {
        return json.readTree(http.get().uri("/api/v1/hotline/outbox").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody());
    }

    private double gauge(String name) {
        String text = http.get().uri("/actuator/prometheus").exchange().expectBody(String.class).returnResult()
                .getResponseBody();
        Matcher m = Pattern.compile("(?m)^" + name + "(\\{[^}]*\\})? ([0-9.eE+-]+)$").matcher(text);
        assertThat(m.find()).as(name + " is exported").isTrue();
        return Double.parseDouble(m.group(2));
    }

    @Test
    void shouldDeliverEveryStepExactlyOnceAndInOrderAfterTheHotlineWasDown() {
        List<WorkOrder> orders = new ArrayList<>();
        List<TestTransitions> cases = new ArrayList<>();
        for (int i = 0; i < ORDERS; i++) {
            WorkOrder order = factory.next(Instant.now());
            OrderReceipt receipt = json.readValue(hotline.pushOrder(order).body(), OrderReceipt.class);
            orders.add(order);
            cases.add(new TestTransitions(bootstrap, receipt.caseId(), ReportSource.HOTLINE_12345).opened());
        }
        cases.forEach(c -> c.step("accept", CaseState.ACCEPTED, "STREET", null));

        hotline.down();
        for (int i = 0; i < ORDERS; i++) {
            cases.get(i).step("feedback", CaseState.FEEDBACK_SUBMITTED, "STREET", "已处理完毕 #" + i);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> outbox().get("pending").asInt() >= ORDERS);
        await().atMost(Duration.ofSeconds(30)).until(() -> "OPEN".equals(outbox().get("circuitState").asString()));
        // Down long enough that the breaker has opened, half-opened and opened again more than once.
        await().atMost(Duration.ofSeconds(30)).until(() -> outbox().get("oldestPendingAgeSeconds").asDouble() >= 5);
        assertThat(gauge("gridloop_hotline_outbox_depth")).isGreaterThanOrEqualTo(ORDERS);
        assertThat(gauge("gridloop_hotline_outbox_oldest_age_seconds")).isGreaterThanOrEqualTo(5);
        assertThat(outbox().get("parked").asInt()).as("an outage parks nothing").isZero();

        hotline.faults().errorRate(0.1).hangs(0.1, Duration.ofMillis(1_500));
        hotline.up();
        for (int i = 0; i < ORDERS; i++) {
            cases.get(i).step("close", CaseState.CLOSED, "STREET", "复核通过");
            if (i % 5 == 0) {
                cases.get(i).republishAll();
            }
        }

        await().atMost(Duration.ofSeconds(120)).until(() -> orders.stream()
                .allMatch(o -> hotline.syncsOf(o.orderNumber()).size() >= 3));
        for (int i = 0; i < ORDERS; i++) {
            List<StatusSync> syncs = hotline.syncsOf(orders.get(i).orderNumber());
            assertThat(syncs).as(orders.get(i).orderNumber()).extracting(StatusSync::status)
                    .containsExactly(SyncStatus.ACCEPTED, SyncStatus.IN_PROGRESS, SyncStatus.REPLIED);
            assertThat(syncs).extracting(StatusSync::sequence).containsExactly(3, 4, 5);
            assertThat(syncs.getLast().text()).isEqualTo("已处理完毕 #" + i);
        }
        assertThat(hotline.violations()).as("nothing out of order or off-contract").isEmpty();
        await().atMost(Duration.ofSeconds(30)).until(() -> outbox().get("pending").asInt() == 0);
        assertThat(outbox().get("parked").asInt()).isZero();
        assertThat(gauge("gridloop_hotline_outbox_depth")).isZero();
        log.info("Outage test: {} orders, {} syncs recorded once each; {} deliveries the hotline had already"
                        + " recorded (timeouts) were answered as duplicates", ORDERS, ORDERS * 3,
                hotline.duplicateSyncs());
    }
}
