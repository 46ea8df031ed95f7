package io.gridloop.intake.hotline;

import io.gridloop.contracts.EventCodec;
import io.gridloop.contracts.Topics;
import io.gridloop.contracts.catalogue.SubCategory;
import io.gridloop.contracts.catalogue.SubCategoryCatalogue;
import io.gridloop.contracts.event.EventCategory;
import io.gridloop.contracts.event.GeoPoint;
import io.gridloop.contracts.event.HotlineOrderReceived;
import io.gridloop.contracts.event.ReportSource;
import io.gridloop.contracts.event.Urgency;
import io.gridloop.intake.access.ReportSources;
import io.gridloop.intake.grid.GridArea;
import io.gridloop.intake.grid.GridRegistry;
import io.gridloop.intake.report.ReportIntake;
import io.gridloop.intake.report.ReportReceipt;
import io.gridloop.intake.report.ReportRequest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
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

    private final EventCodec codec;
    private final ReportIntake intake;
    private final GridRegistry registry;
    private final HotlineCategories categories;

    HotlineOrderListener(EventCodec codec, ReportIntake intake, GridRegistry registry, SubCategoryCatalogue catalogue,
                         @Value("${gridloop.intake.hotline-categories:classpath:hotline/categories.json}")
                         Resource mappings) {
        this.codec = codec;
        this.intake = intake;
        this.registry = registry;
        try (InputStream in = mappings.getInputStream()) {
            this.categories = HotlineCategories.read(in, catalogue);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read hotline category mappings " + mappings, e);
        }
    }

    @KafkaListener(topics = Topics.Names.HOTLINE_ORDER_RECEIVED)
    void on(ConsumerRecord<String, byte[]> record) {
        HotlineOrderReceived order = codec.decode(Topics.HOTLINE_ORDER_RECEIVED, record.value()).data();
        ReportReceipt receipt = intake.accept(toReport(order), HOTLINE_REPORTER, order.caseId());
        log.info("12345 order {} is event {} in {}{}", order.orderNumber(), receipt.eventId(),
                receipt.districtName(), receipt.duplicate() ? " (again)" : "");
    }

    ReportRequest toReport(HotlineOrderReceived order) {
        Optional<SubCategory> sub = categories.subCategoryOf(order.categoryPath());
        GridArea grid = placeOf(order);
        // A position the hotline's geocoder put outside the grid it named is the hotline's imprecision, not a
        // reason to refuse the citizen's request: keep the grid, drop the position.
        GeoPoint location = order.location() != null && registry.fits(grid, order.location())
                ? order.location() : null;
        String text = "【12345工单 " + order.orderNumber() + " · " + String.join("/", order.categoryPath()) + "】"
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
        throw new UnplaceableOrderException("12345 order " + order.orderNumber() + " names no known grid ("
                + order.gridCode() + ") and its position " + order.location() + " lies in none");
    }

    private static Urgency urgencyOf(String label) {
        return Arrays.stream(Urgency.values()).filter(u -> u.label().equals(label)).findFirst()
                .orElse(Urgency.NORMAL);
    }

    /** An order intake cannot place in any grid; it goes to the dead-letter topic for a person to look at. */
    static class UnplaceableOrderException extends RuntimeException {
        UnplaceableOrderException(String message) {
            super(message);
        }
    }
}
