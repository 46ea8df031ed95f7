package io.gridloop.intake.hotline;

import io.gridloop.platform.problem.Refusal;
import io.gridloop.contracts.EventEnvelope;
import io.gridloop.contracts.ServiceNames;
import io.gridloop.contracts.Topics;
import io.gridloop.contracts.catalogue.SubCategory;
import io.gridloop.contracts.catalogue.SubCategoryCatalogue;
import io.gridloop.contracts.event.EventCategory;
import io.gridloop.contracts.event.GeoPoint;
import io.gridloop.contracts.event.HotlineOrderDeclined;
import io.gridloop.contracts.event.HotlineOrderReceived;
import io.gridloop.contracts.event.ReportSource;
import io.gridloop.contracts.event.Urgency;
import io.gridloop.contracts.hotline.WorkOrder;
import io.gridloop.intake.access.ReportSources;
import io.gridloop.intake.grid.GridArea;
import io.gridloop.intake.grid.GridRegistry;
import io.gridloop.intake.report.ReportIntake;
import io.gridloop.intake.report.ReportReceipt;
import io.gridloop.intake.report.ReportRequest;
import io.gridloop.platform.kafka.EventPublisher;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

/**
 * Turns each 12345 work order the bridge took in into a report (source 12345热线) under the case id the bridge
 * chose, with the hotline's own deadline. The order number is the report's idempotency key, so a redelivered
 * order finds its report and only makes sure it was published.
 */
@Component
class HotlineOrderListener {

    /** The reporter id of every 12345 order; with the order number it makes the idempotency key. */
    static final String HOTLINE_REPORTER = ReportSources.HOTLINE_REPORTER;

    private static final Logger log = LoggerFactory.getLogger(HotlineOrderListener.class);
    private static final Duration PUBLISH_TIMEOUT = Duration.ofSeconds(30);

    private final ReportIntake intake;
    private final GridRegistry registry;
    private final HotlineCategories categories;
    private final EventPublisher publisher;
    private final Counter declinedOrders;
    private final Clock clock;

    HotlineOrderListener(ReportIntake intake, GridRegistry registry, SubCategoryCatalogue catalogue,
                         HotlineCategorySettings settings, ResourceLoader resources, EventPublisher publisher,
                         MeterRegistry meters, Clock clock) {
        Resource mappings = resources.getResource(settings.hotlineCategories());
        this.publisher = publisher;
        this.clock = clock;
        this.declinedOrders = Counter.builder("gridloop.intake.hotline.orders.declined")
                .description("12345 orders given back to the hotline (退单) because intake could not take them")
                .register(meters);
        this.intake = intake;
        this.registry = registry;
        try (InputStream in = mappings.getInputStream()) {
            this.categories = HotlineCategories.read(in, catalogue);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read hotline category mappings " + mappings, e);
        }
    }

    @KafkaListener(topics = Topics.Names.HOTLINE_ORDER_RECEIVED)
    void on(EventEnvelope<HotlineOrderReceived> envelope) {
        HotlineOrderReceived order = envelope.data();
        ReportReceipt receipt;
        try {
            receipt = intake.accept(toReport(order), HOTLINE_REPORTER, order.caseId());
        } catch (UnplaceableOrderException e) {
            decline(order, e.getMessage());
            return;
        } catch (Refusal e) {
            // What a person filing it would be told: the order is not a report gridloop can take.
            decline(order, "工单内容不符合上报要求：" + e.getMessage());
            return;
        }
        log.info("12345 order {} is event {} in {}{}", order.orderNumber(), receipt.eventId(),
                receipt.districtName(), receipt.duplicate() ? " (again)" : "");
    }

    /**
     * Gives an order intake cannot take back to the hotline through the bridge (退单), instead of parking it
     * where nobody at 12345 hears of it. Acknowledged by the broker before the order's record is: a failure
     * here retries the order.
     */
    private void decline(HotlineOrderReceived order, String reason) {
        HotlineOrderDeclined declined = new HotlineOrderDeclined(order.caseId(), order.orderNumber(), reason,
                clock.instant());
        publisher.publishAndWait(Topics.HOTLINE_ORDER_DECLINED, EventEnvelope.of(Topics.HOTLINE_ORDER_DECLINED,
                order.orderNumber() + "-declined", ServiceNames.INTAKE, declined.declinedAt(), order.caseId(),
                declined), PUBLISH_TIMEOUT);
        declinedOrders.increment();
        log.warn("12345 order {} given back to the hotline: {}", order.orderNumber(), reason);
    }

    /**
     * The report an order becomes. By its kind: 主办, the grid platform's own order, is taken whatever its category
     * (an unknown one as 其他); 转办, passed on by another unit, only if the catalogue knows its category — otherwise
     * it is not a grid matter and goes back (退单); 协办 is the grid platform's part of an order the lead unit owns,
     * and says so in its text.
     */
    ReportRequest toReport(HotlineOrderReceived order) {
        Optional<SubCategory> sub = categories.subCategoryOf(order.categoryPath());
        if (sub.isEmpty() && WorkOrder.TRANSFERRED.equals(order.orderKind())) {
            throw new UnplaceableOrderException("该转办诉求不属于网格化服务管理事项（12345分类「"
                    + String.join("/", order.categoryPath()) + "」不在本平台事项目录中），请转相关职能部门办理");
        }
        GridArea grid = placeOf(order);
        // A position the hotline's geocoder put outside the grid it named is the hotline's imprecision, not a
        // reason to refuse the citizen's request: keep the grid, drop the position.
        GeoPoint location = order.location() != null && registry.fits(grid, order.location())
                ? order.location() : null;
        String kind = WorkOrder.ASSISTING.equals(order.orderKind())
                ? "12345协办工单 " + order.orderNumber() + " · 主办单位：" + order.leadUnit()
                : "12345" + (WorkOrder.TRANSFERRED.equals(order.orderKind()) ? "转办" : "") + "工单 " + order.orderNumber();
        String text = "【" + kind + " · " + String.join("/", order.categoryPath()) + "】"
                + order.requestText() + (order.address() == null || order.address().isBlank() ? ""
                : "（地址：" + order.address().strip() + "）");
        return new ReportRequest(order.orderNumber(), ReportSource.HOTLINE_12345,
                sub.map(SubCategory::category).orElse(EventCategory.OTHER), sub.map(SubCategory::code).orElse(null),
                urgencyOf(order.urgency()), grid.code(), text,
                location == null ? null : new ReportRequest.Location(location.latitude(), location.longitude()),
                order.receivedAt(), HOTLINE_REPORTER, order.dueAt(), null);
    }

    private GridArea placeOf(HotlineOrderReceived order) {
        if (order.gridCode() != null) {
            Optional<GridArea> named = registry.find(order.gridCode()).filter(GridArea::active);
            if (named.isPresent()) {
                return named.get();
            }
        }
        if (order.location() != null) {
            Optional<GridArea> located = registry.locate(order.location());
            if (located.isPresent()) {
                return located.get();
            }
        }
        throw new UnplaceableOrderException("工单地址不在本平台网格范围内"
                + (order.gridCode() != null ? "（网格编码 " + order.gridCode() + " 不存在或已撤并" : "（未指明网格")
                + (order.location() != null ? "，位置 " + order.location().latitude() + ","
                + order.location().longitude() + " 不在任何网格内）" : "，也没有位置）")
                + "，请核实地址后重新派单");
    }

    private static Urgency urgencyOf(String label) {
        return Arrays.stream(Urgency.values()).filter(u -> u.label().equals(label)).findFirst()
                .orElse(Urgency.NORMAL);
    }

    /** An order intake cannot take (no grid holds it, not a grid matter): it goes back (退单) with this message. */
    static class UnplaceableOrderException extends RuntimeException {
        UnplaceableOrderException(String message) {
            super(message);
        }
    }
}
