package io.gridloop.hotline.simulator;

import io.gridloop.contracts.event.VisitResolution;
import io.gridloop.contracts.event.VisitSatisfaction;
import io.gridloop.contracts.hotline.ExtensionDecision;
import io.gridloop.contracts.hotline.ReturnVisit;
import io.gridloop.contracts.hotline.StatusSync;
import io.gridloop.hotline.simulator.HotlineSimulator.Delivery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the platform does by itself after a sync, if asked to: a return visit (回访) some time after an order's
 * 办结反馈, an answer to each 延期申请 — released out of order under {@link Faults#outOfOrderCallbacks}.
 */
final class AutoAnswers {

    private static final Logger log = LoggerFactory.getLogger(AutoAnswers.class);

    private final BridgeCalls calls;
    private final ScheduledExecutorService timers;
    private final Faults faults;
    private final Random random;
    private final Clock clock;
    private final Object held = new Object();
    private final List<Map.Entry<String, ReturnVisit>> heldVisits = new ArrayList<>();
    private final AtomicLong visitNumbers = new AtomicLong();
    private volatile Duration visitDelay;
    private volatile Duration extensionDelay;
    private volatile boolean grantExtensions = true;

    AutoAnswers(BridgeCalls calls, ScheduledExecutorService timers, Faults faults, Random random, Clock clock) {
        this.calls = calls;
        this.timers = timers;
        this.faults = faults;
        this.random = random;
        this.clock = clock;
    }

    void visits(Duration delay) {
        this.visitDelay = delay;
    }

    void extensionDecisions(Duration delay, boolean grant) {
        this.extensionDelay = delay;
        this.grantExtensions = grant;
    }

    /** After a newly recorded sync: a 办结反馈 gets a return visit, a 延期申请 an answer. */
    void after(StatusSync sync) {
        switch (sync.status()) {
            case REPLIED -> scheduleVisit(sync.orderNumber());
            case EXTENSION_REQUESTED -> scheduleExtensionDecision(sync);
            default -> {
            }
        }
    }

    private void scheduleVisit(String orderNumber) {
        Duration delay = visitDelay;
        if (delay == null || !calls.knowsBridge()) {
            return;
        }
        ReturnVisit visit = randomVisit(orderNumber);
        if (faults.outOfOrderCallbacks()) {
            // Held back and released newest first, three at a time.
            List<Map.Entry<String, ReturnVisit>> release = new ArrayList<>();
            synchronized (held) {
                heldVisits.add(Map.entry(orderNumber, visit));
                if (heldVisits.size() >= 3) {
                    release.addAll(heldVisits);
                    heldVisits.clear();
                }
            }
            Collections.reverse(release);
            release.forEach(v -> timers.schedule(() -> calls.postVisit(v.getKey(), v.getValue()), delay.toMillis(),
                    TimeUnit.MILLISECONDS));
            return;
        }
        timers.schedule(() -> {
            Delivery d = calls.postVisit(orderNumber, visit);
            if (!d.accepted()) {
                log.warn("return visit for order {} not accepted: {} {}", orderNumber, d.status(), d.body());
            }
        }, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void scheduleExtensionDecision(StatusSync request) {
        Duration delay = extensionDelay;
        if (delay == null || !calls.knowsBridge()) {
            return;
        }
        int days = request.extensionWorkingDays() == null ? 3 : request.extensionWorkingDays();
        boolean grant = grantExtensions;
        // The hotline sets its own deadline: here the requested number of days, counted on the calendar.
        ExtensionDecision decision = new ExtensionDecision("YQ-" + request.syncId(), request.sequence(), grant,
                grant ? request.dueAt().plus(Duration.ofDays(days)) : null,
                grant ? "同意延期" + days + "天" : "该诉求群众反映强烈，不同意延期，请按原时限办结", clock.instant());
        timers.schedule(() -> {
            Delivery d = calls.postExtensionDecision(request.orderNumber(), decision);
            if (!d.accepted()) {
                log.warn("extension decision for order {} not accepted: {} {}", request.orderNumber(), d.status(),
                        d.body());
            }
        }, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Mostly 解决/满意, as hotlines report; now and then partly or not at all. */
    private ReturnVisit randomVisit(String orderNumber) {
        double r;
        synchronized (random) {
            r = random.nextDouble();
        }
        VisitResolution resolution = r < 0.8 ? VisitResolution.RESOLVED
                : r < 0.93 ? VisitResolution.PARTLY_RESOLVED : VisitResolution.UNRESOLVED;
        VisitSatisfaction satisfaction = r < 0.65 ? VisitSatisfaction.SATISFIED
                : r < 0.85 ? VisitSatisfaction.BASICALLY_SATISFIED
                : r < 0.93 ? VisitSatisfaction.NOT_RATED : VisitSatisfaction.UNSATISFIED;
        return new ReturnVisit("HF-" + orderNumber + "-" + visitNumbers.incrementAndGet(), resolution, satisfaction,
                satisfaction == VisitSatisfaction.UNSATISFIED ? "问题还在，没人来处理" : "已处理",
                "agent-" + (1 + (int) (r * 40)), clock.instant());
    }
}
