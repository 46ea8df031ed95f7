package io.gridloop.hotline.order;

import io.gridloop.platform.problem.Refusal;
import io.gridloop.platform.lease.Leases;
import io.gridloop.contracts.hotline.OrderPage;
import io.gridloop.contracts.hotline.WorkOrder;
import io.gridloop.hotline.HotlineSettings;
import io.gridloop.hotline.client.HotlineClient;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * Pulls orders from the hotline for cities whose platform cannot push ({@code gridloop.hotline.poll.enabled}).
 * The cursor moves only past orders taken in: if one cannot be (Kafka away), the next poll starts at it again,
 * and taking an order twice is harmless. An order that breaks the contract is logged, counted and skipped —
 * waiting would stop every order behind it — and stays visible in the logs with its number for the hotline
 * ({@code gridloop_hotline_orders_total{outcome="refused"}}).
 */
@Component
@ConditionalOnProperty(name = "gridloop.hotline.poll.enabled", havingValue = "true")
class OrderPolling implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(OrderPolling.class);
    private static final String CURSOR_ID = "orders";

    /** How far the bridge has read the hotline's order list. */
    @Document("hotline_cursor")
    record Cursor(@Id String id, String after, Instant movedAt) {
    }

    private final HotlineClient client;
    private final HotlineOrders orders;
    private final MongoTemplate mongo;
    private final Validator validator;
    private final Clock clock;
    private final int pageSize;
    private final Duration interval;
    private final Duration initialDelay;
    private final MeterRegistry meters;

    /** An instance that dies hands polling over within this. */
    private static final Duration LEASE = Duration.ofMinutes(2);

    private final Leases leases;

    OrderPolling(HotlineClient client, HotlineOrders orders, MongoTemplate mongo, Validator validator, Clock clock,
                 HotlineSettings settings, MeterRegistry meters, Leases leases) {
        this.leases = leases;
        this.meters = meters;
        this.client = client;
        this.orders = orders;
        this.mongo = mongo;
        this.validator = validator;
        this.clock = clock;
        this.pageSize = settings.poll().pageSize();
        this.interval = settings.poll().interval();
        this.initialDelay = settings.poll().initialDelay();
    }

    private void refused(WorkOrder order, String why) {
        meters.counter("gridloop.hotline.orders", "outcome", "refused", "origin", Origin.POLLED.name()).increment();
        log.error("Skipping polled 12345 order {}: {}", order.orderNumber(), why);
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar tasks) {
        tasks.addFixedDelayTask(new FixedDelayTask(this::poll, interval, initialDelay));
    }

    void poll() {
        try {
            // One instance polls at a time: two would read the same page and race for the cursor.
            leases.runIfHeld("hotline.order-polling", LEASE, () -> {
                while (pollOnce() == pageSize) {
                    // A full page: there may be more right away.
                }
            });
        } catch (RuntimeException e) {
            log.warn("Polling 12345 orders failed; trying again at the next poll: {}", e.toString());
        }
    }

    /** @return how many orders the page held */
    int pollOnce() {
        Cursor cursor = mongo.findById(CURSOR_ID, Cursor.class);
        OrderPage page = client.poll(cursor == null ? null : cursor.after(), pageSize);
        for (WorkOrder order : page.orders()) {
            Set<ConstraintViolation<WorkOrder>> problems = validator.validate(order);
            if (!problems.isEmpty()) {
                refused(order, problems.stream().map(v -> v.getPropertyPath() + " " + v.getMessage()).toList()
                        .toString());
                continue;
            }
            try {
                orders.accept(order, Origin.POLLED);
            } catch (Refusal e) {
                refused(order, e.getMessage());
            }
        }
        if (page.nextCursor() != null) {
            mongo.save(new Cursor(CURSOR_ID, page.nextCursor(), clock.instant()));
        }
        return page.orders().size();
    }
}
