package io.gridloop.hotline.sync;

import io.gridloop.infra.TopicWriter;
import io.gridloop.contracts.ServiceNames;
import io.gridloop.contracts.EventEnvelope;
import io.gridloop.contracts.event.HotlineOrderDeclined;
import io.gridloop.contracts.EventCodec;
import io.gridloop.contracts.Topics;
import io.gridloop.contracts.event.CaseState;
import io.gridloop.contracts.event.ReportSource;
import io.gridloop.contracts.event.VisitResolution;
import io.gridloop.contracts.event.VisitSatisfaction;
import io.gridloop.contracts.hotline.EscalationReport;
import io.gridloop.contracts.hotline.ExtensionDecision;
import io.gridloop.contracts.hotline.OrderReceipt;
import io.gridloop.contracts.hotline.ReturnVisit;
import io.gridloop.contracts.hotline.StatusSync;
import io.gridloop.contracts.hotline.SyncStatus;
import io.gridloop.contracts.hotline.WorkOrder;
import io.gridloop.hotline.BridgeTest;
import io.gridloop.hotline.TestTransitions;
import io.gridloop.hotline.simulator.OrderFactory;
import io.gridloop.infra.TopicReader;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class StatusSyncTest extends BridgeTest {

    private final JsonMapper json = new EventCodec().mapper();
    private static final OrderFactory ORDERS = new OrderFactory(List.of("150105001001003"), 13,
            "S" + System.nanoTime() % 100_000);

    private OrderReceipt push(WorkOrder order) {
        return json.readValue(hotline.pushOrder(order).body(), OrderReceipt.class);
    }

    @Test
    void shouldTellTheHotlineEachStepOnceInOrderAndReplyWithTheHandlersResult() {
        WorkOrder order = ORDERS.next(Instant.now());
        OrderReceipt receipt = push(order);
        TestTransitions steps = new TestTransitions(bootstrap, receipt.caseId(), ReportSource.HOTLINE_12345).opened()
                .step("claim", CaseState.ROUTED, "STREET", null)
                .step("accept", CaseState.ACCEPTED, "STREET", null)
                .step("feedback", CaseState.FEEDBACK_SUBMITTED, "STREET", "已更换灯泡，恢复照明",
                        List.of("p-before-" + receipt.caseId(), "p-after-" + receipt.caseId()))
                .step("close", CaseState.CLOSED, "STREET", "复核通过");
        steps.republishAll(); // as after a crash of dispatch's relay: every step again

        await().atMost(Duration.ofSeconds(30)).until(() -> hotline.syncsOf(order.orderNumber()).size() >= 3);
        List<StatusSync> syncs = hotline.syncsOf(order.orderNumber());
        assertThat(syncs).extracting(StatusSync::status)
                .containsExactly(SyncStatus.ACCEPTED, SyncStatus.IN_PROGRESS, SyncStatus.REPLIED);
        assertThat(syncs).extracting(StatusSync::sequence).containsExactly(4, 5, 6);
        assertThat(syncs.getLast().text()).isEqualTo("已更换灯泡，恢复照明");
        // The 办结反馈 carries the photos of the result, by id and address.
        assertThat(syncs.getLast().photos()).extracting(StatusSync.Photo::id)
                .containsExactly("p-before-" + receipt.caseId(), "p-after-" + receipt.caseId());
        assertThat(syncs.getLast().photos().getFirst().url())
                .isEqualTo("http://localhost:8082/api/v1/photos/p-before-" + receipt.caseId());
        assertThat(syncs.get(1).photos()).as("only the reply carries them").isEmpty();
        assertThat(syncs.getFirst().handlingUnit()).isEqualTo("大学东路街道办事处");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> http.get().uri("/api/v1/hotline/outbox")
                .exchange().expectBody().jsonPath("$.pending").isEqualTo(0));
        assertThat(hotline.syncsOf(order.orderNumber())).as("nothing sent twice").hasSize(3);
        assertThat(hotline.violations()).isEmpty();
        // The case page's 12345 panel: what the hotline was told, in order.
        http.get().uri("/api/v1/hotline/cases/{id}/syncs", receipt.caseId()).exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.orderNumber").isEqualTo(order.orderNumber())
                .jsonPath("$.lines[*].statusLabel").isEqualTo(List.of("签收受理", "办理中", "办结反馈"))
                .jsonPath("$.lines[*].state").isEqualTo(List.of("已送达", "已送达", "已送达"))
                .jsonPath("$.lines[*].sequence").isEqualTo(List.of(4, 5, 6));
    }

    @Test
    void shouldGiveAnOrderIntakeCouldNotTakeBackToTheHotlineWithTheReasonAndShowItOnTheOrder() {
        WorkOrder order = ORDERS.next(Instant.now());
        OrderReceipt receipt = push(order);
        String reason = "工单地址不在本平台网格范围内（网格编码 150105999999999 不存在或已撤并），请核实地址后重新派单";
        HotlineOrderDeclined declined = new HotlineOrderDeclined(receipt.caseId(), order.orderNumber(), reason,
                Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
        for (int i = 0; i < 2; i++) { // redelivered: still one 退单
            TopicWriter.send(bootstrap, Topics.HOTLINE_ORDER_DECLINED.name(), receipt.caseId(),
                    new EventCodec().encode(EventEnvelope.of(Topics.HOTLINE_ORDER_DECLINED,
                            order.orderNumber() + "-declined", ServiceNames.INTAKE, declined.declinedAt(),
                            receipt.caseId(), declined)));
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> !hotline.syncsOf(order.orderNumber()).isEmpty());
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> http.get().uri("/api/v1/hotline/outbox")
                .exchange().expectBody().jsonPath("$.pending").isEqualTo(0));
        assertThat(hotline.syncsOf(order.orderNumber())).singleElement().satisfies(sync -> {
            assertThat(sync.status()).isEqualTo(SyncStatus.RETURNED);
            assertThat(sync.statusLabel()).isEqualTo("退单");
            assertThat(sync.reason()).isEqualTo(reason);
        });
        http.get().uri("/api/v1/hotline/orders/{n}", order.orderNumber()).exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.declineReason").isEqualTo(reason)
                .jsonPath("$.declinedAt").exists();
        assertThat(hotline.violations()).isEmpty();
    }

    @Test
    void shouldReportACaseEscalatedToTheCityAndTrackTheOrderTheHotlineOpens() {
        String caseId = UUID.randomUUID().toString();
        TestTransitions steps = new TestTransitions(bootstrap, caseId, ReportSource.GRID_PATROL).opened();
        steps.step("escalate", CaseState.ESCALATED, "DISTRICT", "街道无法协调");
        steps.publish(List.of(steps.next("escalate", CaseState.ESCALATED, "CITY", "涉及多区，需市级统筹",
                "居民楼外墙大面积脱落")));

        await().atMost(Duration.ofSeconds(30)).until(() -> hotline.escalations().stream()
                .anyMatch(r -> r.caseId().equals(caseId)));
        EscalationReport report = hotline.escalations().stream().filter(r -> r.caseId().equals(caseId))
                .findFirst().orElseThrow();
        assertThat(report.requestText()).isEqualTo("居民楼外墙大面积脱落");
        assertThat(report.reason()).isEqualTo("涉及多区，需市级统筹");
        assertThat(report.reportId()).isEqualTo(caseId + "-4");
        String number = hotline.escalationOrders().get(report.reportId());
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                http.get().uri("/api/v1/hotline/cases/{id}", caseId).exchange().expectStatus().isOk()
                        .expectBody().jsonPath("$.orderNumber").isEqualTo(number)
                        .jsonPath("$.origin").isEqualTo("ESCALATED"));

        // The hotline's return visit for the order it opened finds our case.
        assertThat(hotline.postVisit(number, new ReturnVisit("HF-" + number, VisitResolution.RESOLVED,
                VisitSatisfaction.SATISFIED, null, null, Instant.now())).status()).isEqualTo(202);
        assertThat(TopicReader.readAll(bootstrap, Topics.HOTLINE_VISIT_RECORDED.name()))
                .anyMatch(r -> caseId.equals(r.key()));
        assertThat(hotline.escalations()).filteredOn(r -> r.caseId().equals(caseId)).hasSize(1);
    }

    /** A 协办 order's reply is the grid platform's 协办意见 for the lead unit, which must be named. */
    @Test
    void shouldReplyToAnAssistingOrderWithTheAssistingOpinionAndRequireItsLeadUnit() {
        WorkOrder o = ORDERS.next(Instant.now());
        WorkOrder assisting = new WorkOrder(o.orderNumber(), "协办", o.categoryPath(), o.requestText(), o.address(),
                o.location(), o.gridCode(), o.contact(), o.urgency(), o.dueAt(), o.createdAt(), "赛罕区住房和城乡建设局");
        WorkOrder unnamed = new WorkOrder(o.orderNumber() + "N", "协办", o.categoryPath(), o.requestText(),
                o.address(), o.location(), o.gridCode(), o.contact(), o.urgency(), o.dueAt(), o.createdAt(), null);
        assertThat(hotline.pushOrder(unnamed)).satisfies(d -> assertThat(d.status()).isEqualTo(422))
                .satisfies(d -> assertThat(d.body()).contains("LEAD_UNIT_MISSING", "leadUnit"));

        OrderReceipt receipt = push(assisting);
        new TestTransitions(bootstrap, receipt.caseId(), ReportSource.HOTLINE_12345).opened()
                .step("accept", CaseState.ACCEPTED, "STREET", null)
                .step("feedback", CaseState.FEEDBACK_SUBMITTED, "STREET", "已配合清理占道堆放物")
                .step("close", CaseState.CLOSED, "STREET", "复核通过");

        await().atMost(Duration.ofSeconds(30)).until(() -> hotline.syncsOf(assisting.orderNumber()).stream()
                .anyMatch(s -> s.status() == SyncStatus.REPLIED));
        assertThat(hotline.syncsOf(assisting.orderNumber()).getLast().text()).isEqualTo("协办意见：已配合清理占道堆放物");
    }

    /** 延期申请 goes to the hotline; its answer (延期审核) comes back once, for dispatch to apply. */
    @Test
    void shouldPassTheHotlinesAnswerToAnExtensionRequestOnOnce() {
        WorkOrder order = ORDERS.next(Instant.now());
        OrderReceipt receipt = push(order);
        hotline.autoExtensionDecisions(Duration.ZERO, true);
        try {
            new TestTransitions(bootstrap, receipt.caseId(), ReportSource.HOTLINE_12345).opened()
                    .step("accept", CaseState.ACCEPTED, "STREET", null)
                    .step("request-extension", CaseState.EXTENSION_REQUESTED, "STREET", "需协调燃气公司停气");
            await().atMost(Duration.ofSeconds(30)).until(() -> TopicReader.readAll(bootstrap,
                    Topics.HOTLINE_EXTENSION_DECIDED.name()).stream().anyMatch(r -> receipt.caseId().equals(r.key())));
        } finally {
            hotline.autoExtensionDecisions(null, true);
        }
        StatusSync request = hotline.syncsOf(order.orderNumber()).getLast();
        assertThat(request.status()).isEqualTo(SyncStatus.EXTENSION_REQUESTED);
        var decided = TopicReader.readAll(bootstrap, Topics.HOTLINE_EXTENSION_DECIDED.name()).stream()
                .filter(r -> receipt.caseId().equals(r.key()))
                .map(r -> new EventCodec().decode(Topics.HOTLINE_EXTENSION_DECIDED, r.value()).data()).toList();
        assertThat(decided).singleElement().satisfies(d -> {
            assertThat(d.orderNumber()).isEqualTo(order.orderNumber());
            assertThat(d.requestSequence()).isEqualTo(request.sequence());
            assertThat(d.approved()).isTrue();
            assertThat(d.dueAt()).isAfter(request.dueAt());
        });

        // Sent again: the same answer, passed on before.
        ExtensionDecision again = new ExtensionDecision(decided.getFirst().decisionId(), request.sequence(), true,
                decided.getFirst().dueAt(), null, Instant.now());
        assertThat(hotline.postExtensionDecision(order.orderNumber(), again).body()).contains("\"duplicate\":true");
        // Granted without a deadline, refused without a reason, for an order nobody knows: refused in Chinese.
        assertThat(hotline.postExtensionDecision(order.orderNumber(), new ExtensionDecision("YQ-x-" + order
                .orderNumber(), request.sequence(), true, null, null, Instant.now())))
                .satisfies(d -> assertThat(d.status()).isEqualTo(422))
                .satisfies(d -> assertThat(d.body()).contains("dueAt").contains("须给出延期后的办结时限"));
        assertThat(hotline.postExtensionDecision(order.orderNumber(), new ExtensionDecision("YQ-y-" + order
                .orderNumber(), request.sequence(), false, null, " ", Instant.now())).status()).isEqualTo(422);
        assertThat(hotline.postExtensionDecision("GD-NOBODY", again).status()).isEqualTo(404);
        assertThat(TopicReader.readAll(bootstrap, Topics.HOTLINE_EXTENSION_DECIDED.name()))
                .filteredOn(r -> receipt.caseId().equals(r.key())).hasSize(1);
        assertThat(hotline.violations()).isEmpty();
    }

    /** The order the hotline opened for an escalation hears the city's handling, and is closed when the case is. */
    @Test
    void shouldSyncTheStepsOfAnEscalatedCaseToTheOrderTheHotlineOpenedUntilItCloses() {
        String caseId = UUID.randomUUID().toString();
        TestTransitions steps = new TestTransitions(bootstrap, caseId, ReportSource.GRID_PATROL).opened()
                .step("accept", CaseState.ACCEPTED, "DISTRICT", null);  // before the escalation: not the order's
        // The city's steps come at once, before the hotline can have answered the escalation.
        steps.publish(List.of(
                steps.next("escalate", CaseState.ESCALATED, "CITY", "涉及多区，需市级统筹", "桥梁伸缩缝断裂"),
                steps.next("accept", CaseState.ACCEPTED, "CITY", null, null),
                steps.next("feedback", CaseState.FEEDBACK_SUBMITTED, "CITY", "已更换伸缩缝，恢复通行", null),
                steps.next("close", CaseState.CLOSED, "CITY", "复核通过", null)));
        steps.republishAll();

        await().atMost(Duration.ofSeconds(30)).until(() -> hotline.escalations().stream()
                .anyMatch(r -> r.caseId().equals(caseId)));
        String number = hotline.escalationOrders().get(hotline.escalations().stream()
                .filter(r -> r.caseId().equals(caseId)).findFirst().orElseThrow().reportId());
        await().atMost(Duration.ofSeconds(30)).until(() -> hotline.syncsOf(number).size() >= 3);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> http.get().uri("/api/v1/hotline/outbox")
                .exchange().expectBody().jsonPath("$.pending").isEqualTo(0));
        List<StatusSync> syncs = hotline.syncsOf(number);
        assertThat(syncs).extracting(StatusSync::status)
                .containsExactly(SyncStatus.ACCEPTED, SyncStatus.IN_PROGRESS, SyncStatus.REPLIED);
        assertThat(syncs).extracting(StatusSync::orderNumber).containsOnly(number);
        assertThat(syncs.getLast().text()).isEqualTo("已更换伸缩缝，恢复通行");
        assertThat(hotline.violations()).isEmpty();
    }

    @Test
    void shouldParkWhatTheHotlineRefusesKeepTheOrdersLaterStepsBehindItAndRetryByHand() {
        WorkOrder refused = ORDERS.next(Instant.now());
        WorkOrder other = ORDERS.next(Instant.now());
        OrderReceipt r1 = push(refused);
        OrderReceipt r2 = push(other);
        hotline.faults().refuse(refused.orderNumber());

        new TestTransitions(bootstrap, r1.caseId(), ReportSource.HOTLINE_12345).opened()
                .step("accept", CaseState.ACCEPTED, "STREET", null)
                .step("feedback", CaseState.FEEDBACK_SUBMITTED, "STREET", "已清理")
                .step("close", CaseState.CLOSED, "STREET", null);
        new TestTransitions(bootstrap, r2.caseId(), ReportSource.HOTLINE_12345).opened()
                .step("accept", CaseState.ACCEPTED, "STREET", null);

        await().atMost(Duration.ofSeconds(30)).until(() -> hotline.syncsOf(other.orderNumber()).size() == 1);
        String parkedId = r1.caseId() + "-0000000003";
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> http.get()
                .uri("/api/v1/hotline/outbox/dead-letters?size=200").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.items[?(@.id == '" + parkedId + "')].orderNumber").isEqualTo(List.of(refused.orderNumber()))
                .jsonPath("$.items[?(@.id == '" + parkedId + "')].statusLabel").isEqualTo(List.of("签收受理"))
                .jsonPath("$.items[?(@.id == '" + parkedId + "')].attempts").isEqualTo(List.of(1)));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> http.get().uri("/api/v1/hotline/outbox")
                .exchange().expectBody().jsonPath("$.pending").isEqualTo(2).jsonPath("$.parked").isEqualTo(1));
        assertThat(hotline.syncsOf(refused.orderNumber())).as("later steps wait behind the dead letter").isEmpty();

        // Another district's administrator neither sees nor retries it (the case lies in 赛罕区).
        io.gridloop.infra.auth.Identity xincheng = io.gridloop.infra.auth.Identity.of("admin-xincheng",
                List.of("ADMIN"), "150102");
        as(xincheng).get().uri("/api/v1/hotline/outbox/dead-letters?size=200").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.items[?(@.id == '" + parkedId + "')]").isEmpty();
        as(xincheng).post().uri("/api/v1/hotline/outbox/dead-letters/{id}/retry", parkedId).exchange()
                .expectStatus().isNotFound();

        hotline.faults().clear();
        as(io.gridloop.infra.auth.Identity.of("admin-saihan", List.of("ADMIN"), "150105")).post()
                .uri("/api/v1/hotline/outbox/dead-letters/{id}/retry", parkedId).exchange()
                .expectStatus().isAccepted();

        await().atMost(Duration.ofSeconds(30)).until(() -> hotline.syncsOf(refused.orderNumber()).size() == 3);
        assertThat(hotline.syncsOf(refused.orderNumber())).extracting(StatusSync::sequence).containsExactly(3, 4, 5);
        http.post().uri("/api/v1/hotline/outbox/dead-letters/{id}/retry", parkedId).exchange()
                .expectStatus().isNotFound().expectBody().jsonPath("$.code").isEqualTo("NO_SUCH_DEAD_LETTER");
    }

    @Test
    void shouldExposeOutboxAndCircuitMetrics() {
        http.get().uri("/actuator/prometheus").exchange().expectStatus().isOk().expectBody(String.class)
                .value(text -> assertThat(text)
                        .contains("gridloop_hotline_outbox_depth")
                        .contains("gridloop_hotline_outbox_parked")
                        .contains("gridloop_hotline_outbox_oldest_age_seconds")
                        .containsPattern("resilience4j_circuitbreaker_state\\{.*name=\"hotline\".*state=\"closed\".*\\} 1.0"));
    }
}
