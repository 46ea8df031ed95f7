package io.gridloop.metrics.dashboard;

import io.gridloop.contracts.event.DistrictCompletionSnapshot;
import io.gridloop.metrics.district.DistrictSnapshots;
import io.gridloop.platform.security.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.MediaType;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The dashboard's live feed (server-sent events): each open page gets the districts' newest figures whenever
 * they changed — at most once per {@code gridloop.dashboard.push-interval}, however fast snapshots arrive — and a
 * comment every 15 s so proxies keep the connection open. Browsers reconnect by themselves if it drops.
 */
@Component
class DashboardStream implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(DashboardStream.class);
    private static final Duration KEEP_ALIVE = Duration.ofSeconds(15);

    private final DistrictSnapshots districts;
    /** Each open page with whoever opened it: a page shows only the districts its viewer may see. */
    private final Map<SseEmitter, Caller> pages = new ConcurrentHashMap<>();
    private final AtomicBoolean changed = new AtomicBoolean();
    private volatile long lastSentNanos = System.nanoTime();

    private final Duration pushInterval;

    DashboardStream(DistrictSnapshots districts, DashboardSettings settings) {
        this.districts = districts;
        this.pushInterval = settings.pushInterval();
        districts.onChange(taken -> changed.set(true));
    }

    SseEmitter open(Caller viewer) {
        SseEmitter page = new SseEmitter(Duration.ofMinutes(30).toMillis());
        page.onCompletion(() -> pages.remove(page));
        page.onTimeout(page::complete);
        page.onError(e -> pages.remove(page));
        pages.put(page, viewer);
        send(page, SseEmitter.event().name("districts").data(visibleTo(viewer, districts.all()),
                MediaType.APPLICATION_JSON));
        return page;
    }

    static List<DistrictCompletionSnapshot> visibleTo(Caller viewer, List<DistrictCompletionSnapshot> districts) {
        return districts.stream().filter(d -> viewer.covers(d.districtCode())).toList();
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar tasks) {
        tasks.addFixedDelayTask(new FixedDelayTask(this::push, pushInterval, pushInterval));
    }

    void push() {
        if (changed.getAndSet(false)) {
            var newest = districts.all();
            pages.forEach((p, viewer) -> send(p, SseEmitter.event().name("districts")
                    .data(visibleTo(viewer, newest), MediaType.APPLICATION_JSON)));
            lastSentNanos = System.nanoTime();
        } else if (System.nanoTime() - lastSentNanos > KEEP_ALIVE.toNanos()) {
            pages.keySet().forEach(p -> send(p, SseEmitter.event().comment("keep-alive")));
            lastSentNanos = System.nanoTime();
        }
    }

    int openPages() {
        return pages.size();
    }

    /**
     * Ends every live feed when the service begins to stop, before the web server's graceful shutdown: a feed
     * never ends by itself, so the server would otherwise wait out its whole grace period for it. The pages
     * reconnect to another instance.
     */
    @EventListener(ContextClosedEvent.class)
    void closeAll() {
        for (SseEmitter page : pages.keySet()) {
            pages.remove(page);
            try {
                page.complete();
            } catch (IllegalStateException alreadyGone) {
                log.debug("Dashboard page already closed: {}", alreadyGone.toString());
            }
        }
    }

    private void send(SseEmitter page, SseEmitter.SseEventBuilder event) {
        try {
            page.send(event);
        } catch (IOException | IllegalStateException gone) {
            log.debug("Dashboard page went away: {}", gone.toString());
            pages.remove(page);
        }
    }
}
