package io.gridloop.intake.hotline;

import io.gridloop.contracts.EventCodec;
import io.gridloop.contracts.EventEnvelope;
import io.gridloop.contracts.ServiceNames;
import io.gridloop.contracts.Topics;
import io.gridloop.contracts.event.Complexity;
import io.gridloop.contracts.event.EventCategory;
import io.gridloop.contracts.area.AreaLevel;
import io.gridloop.infra.auth.Identity;
import io.gridloop.intake.report.ReportReceipt;
import org.springframework.http.MediaType;
import io.gridloop.contracts.event.EventReported;
import io.gridloop.contracts.event.GeoPoint;
import io.gridloop.contracts.event.HotlineOrderDeclined;
import io.gridloop.contracts.event.HotlineOrderReceived;
import io.gridloop.contracts.event.ReportSource;
import io.gridloop.contracts.event.Urgency;
import io.gridloop.infra.ServiceIntegrationTest;
import io.gridloop.infra.TopicReader;
import io.gridloop.infra.TopicWriter;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A 12345 order taken in by the bridge becomes exactly one report, under the bridge's case id. */
class HotlineOrdersTest extends ServiceIntegrationTest {

    private final EventCodec codec = new EventCodec();
    private static final Instant RECEIVED = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(60);

    private static HotlineOrderReceived order(String number, String caseId, String gridCode, GeoPoint location,
                                              List<String> path) {
        return order(number, caseId, "主办", null, gridCode, location, path);
    }

    private static HotlineOrderReceived order(String number, String caseId, String kind, String leadUnit,
                                              String gridCode, GeoPoint location, List<String> path) {
        return new HotlineOrderReceived(number, caseId, kind, path, "小区门口路灯连续三晚不亮",
                "赛罕区大学东街", location, gridCode, "紧急", RECEIVED.plus(Duration.ofDays(7)), RECEIVED, leadUnit);
    }

    private HotlineOrderDeclined awaitDeclined(String caseId) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> TopicReader.readAll(
                        bootstrap, Topics.HOTLINE_ORDER_DECLINED.name()).stream()
                .filter(r -> caseId.equals(r.key()))
                .map(r -> codec.decode(Topics.HOTLINE_ORDER_DECLINED, r.value()).data())
                .findFirst().orElse(null), java.util.Objects::nonNull);
    }

    private void send(HotlineOrderReceived order) {
        TopicWriter.send(bootstrap, Topics.HOTLINE_ORDER_RECEIVED.name(), order.orderNumber(),
                codec.encode(EventEnvelope.of(Topics.HOTLINE_ORDER_RECEIVED, ServiceNames.HOTLINE_BRIDGE,
                        order.receivedAt(), order.orderNumber(), order)));
    }

    private List<EventReported> reportsOf(String caseId) {
        return TopicReader.readAll(bootstrap, Topics.EVENT_REPORTED.name()).stream()
                .filter(r -> caseId.equals(r.key()))
                .map(r -> codec.decode(Topics.EVENT_REPORTED, r.value()).data()).toList();
    }

    @Test
    void shouldTurnAnOrderIntoOneReportUnderTheBridgesCaseIdWithTheHotlinesDeadline() {
        String number = "GD" + System.nanoTime();
        String caseId = UUID.randomUUID().toString();
        HotlineOrderReceived order = order(number, caseId, "150105001001003", null,
                List.of("城乡建设", "市政设施", "路灯"));

        send(order);
        send(order); // the bridge may publish an order again after a crash

        await().atMost(Duration.ofSeconds(20)).until(() -> !reportsOf(caseId).isEmpty());
        EventReported event = reportsOf(caseId).getFirst();
        assertThat(event.eventId()).isEqualTo(caseId);
        assertThat(event.clientEventId()).isEqualTo(number);
        assertThat(event.source()).isEqualTo(ReportSource.HOTLINE_12345);
        assertThat(event.subCategory()).isEqualTo("STREETLIGHT");
        assertThat(event.category()).isEqualTo(EventCategory.LIVELIHOOD);
        assertThat(event.urgency()).isEqualTo(Urgency.URGENT);
        assertThat(event.dueAt()).isEqualTo(order.dueAt());
        assertThat(event.districtName()).isEqualTo("赛罕区");
        assertThat(event.description()).contains(number).contains("路灯连续三晚不亮").contains("大学东街");

        // The second delivery is processed too (a marker order behind it proves that) but adds no report.
        String marker = UUID.randomUUID().toString();
        send(order("GD" + System.nanoTime(), marker, "150105001001003", null, List.of("教育")));
        await().atMost(Duration.ofSeconds(20)).until(() -> !reportsOf(marker).isEmpty());
        assertThat(reportsOf(caseId)).hasSize(1);
    }

    @Test
    void shouldPlaceAnOrderWithoutGridByItsPositionAndSendUnmappedCategoriesToManualTriage() {
        String caseId = UUID.randomUUID().toString();
        // Near the centre of grid 150105001001003 in the demo registry.
        send(order("GD" + System.nanoTime(), caseId, null, new GeoPoint(40.7492, 111.7147), List.of("教育", "招生")));

        await().atMost(Duration.ofSeconds(20)).until(() -> !reportsOf(caseId).isEmpty());
        EventReported event = reportsOf(caseId).getFirst();
        assertThat(event.gridCode()).isEqualTo("150105001001003");
        assertThat(event.subCategory()).isNull();
        assertThat(event.category()).isEqualTo(EventCategory.OTHER);
        assertThat(event.complexity()).isEqualTo(Complexity.GENERAL);
        assertThat(event.initialLevel()).as("triaged by hand at the district centre").isEqualTo(AreaLevel.DISTRICT);
    }

    /**
     * Order numbers are sequential, so a caller could file a report under the next one before the order arrives.
     * The order still becomes its own case: only the bridge's orders are reports of the 12345 reporter.
     */
    @Test
    void shouldMakeAnOrderItsOwnCaseWhenSomeoneFiledAReportUnderItsNumberFirst() {
        String number = "GD" + System.nanoTime();
        Identity squatter = Identity.of("op-squat", List.of("OPERATOR"), "150105");
        String body = """
                {"clientEventId":"%s","category":"HAZARD","subCategory":"MANHOLE","gridCode":"150105001001003",
                 "description":"抢先占用工单号","occurredAt":"2026-03-02T01:20:00Z","reporterId":"%s"}""";
        as(squatter).post().uri("/api/v1/events").contentType(MediaType.APPLICATION_JSON)
                .body(body.formatted(number, "12345")).exchange().expectStatus().isEqualTo(422);
        String squatted = as(squatter).post().uri("/api/v1/events").contentType(MediaType.APPLICATION_JSON)
                .body(body.formatted(number, "hotline")).exchange().expectStatus().isAccepted()
                .expectBody(ReportReceipt.class).returnResult().getResponseBody().eventId();

        String caseId = UUID.randomUUID().toString();
        send(order(number, caseId, "150105001001003", null, List.of("城乡建设", "市政设施", "路灯")));

        await().atMost(Duration.ofSeconds(20)).until(() -> !reportsOf(caseId).isEmpty());
        assertThat(reportsOf(caseId).getFirst().source()).isEqualTo(ReportSource.HOTLINE_12345);
        assertThat(squatted).isNotEqualTo(caseId);
    }

    @Test
    void shouldGiveAnOrderThatLiesInNoGridBackToTheHotlineInsteadOfParkingIt() {
        String number = "GD" + System.nanoTime();
        String caseId = UUID.randomUUID().toString();
        send(order(number, caseId, "150105999999999", new GeoPoint(10.0, 10.0), List.of("教育")));

        HotlineOrderDeclined declined = awaitDeclined(caseId);
        assertThat(declined.orderNumber()).isEqualTo(number);
        assertThat(declined.reason()).contains("不在本平台网格范围内", "150105999999999", "重新派单");
        // Declined while the order's record was handled: nothing went to the dead letters, no report exists.
        assertThat(TopicReader.readAll(bootstrap, Topics.HOTLINE_ORDER_RECEIVED.deadLetterTopic()))
                .noneMatch(r -> number.equals(r.key()));
        assertThat(reportsOf(caseId)).isEmpty();
    }

    /**
     * 转办 is taken only as a grid matter: a category the catalogue does not know goes back (a 主办 order with it is
     * ours and taken as 其他); 协办 is our part of the lead unit's order, and its text says whose.
     */
    @Test
    void shouldTakeATransferredOrderOnlyAsAGridMatterAndNameTheLeadUnitOfAnAssistingOne() {
        String transferred = UUID.randomUUID().toString();
        String owned = UUID.randomUUID().toString();
        String assisting = UUID.randomUUID().toString();
        List<String> notOurs = List.of("经济管理", "税务", "发票开具");
        send(order("GD" + System.nanoTime(), transferred, "转办", null, "150105001001003", null, notOurs));
        send(order("GD" + System.nanoTime(), owned, "主办", null, "150105001001003", null, notOurs));
        String assistNumber = "GD" + System.nanoTime();
        send(order(assistNumber, assisting, "协办", "赛罕区市场监督管理局", "150105001001003", null,
                List.of("城乡建设", "市政设施", "路灯")));

        assertThat(awaitDeclined(transferred).reason()).contains("不属于网格化服务管理事项", "经济管理/税务/发票开具");
        await().atMost(Duration.ofSeconds(30)).until(() -> !reportsOf(owned).isEmpty() && !reportsOf(assisting)
                .isEmpty());
        assertThat(reportsOf(owned).getFirst().category()).isEqualTo(EventCategory.OTHER);
        assertThat(reportsOf(assisting).getFirst().description())
                .startsWith("【12345协办工单 " + assistNumber + " · 主办单位：赛罕区市场监督管理局");
        assertThat(reportsOf(transferred)).isEmpty();
    }
}
