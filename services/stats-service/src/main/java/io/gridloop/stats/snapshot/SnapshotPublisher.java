package io.gridloop.stats.snapshot;

import io.gridloop.stats.generations.DirtyDistricts;
import io.gridloop.contracts.EventEnvelope;
import io.gridloop.contracts.ServiceNames;
import io.gridloop.contracts.Topics;
import io.gridloop.contracts.event.DistrictCompletionSnapshot;
import io.gridloop.platform.kafka.EventPublisher;
import io.gridloop.contracts.area.AreaLevel;
import io.gridloop.stats.counting.CellKey;
import io.gridloop.stats.counting.Measure;
import io.gridloop.stats.query.AreaFigures;
import io.gridloop.stats.query.CountFilter;
import io.gridloop.stats.query.Period;
import io.gridloop.stats.query.StatsQueries;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.time.YearMonth;

/**
 * Publishes the current year's figures of every district whose counts changed to the compacted
 * {@code grid.stats.district.v1}, at most every half second per district. At start-up, and when the year turns,
 * it republishes all districts, so changes counted just before a crash still reach the dashboard.
 */
@Component
class SnapshotPublisher implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(SnapshotPublisher.class);
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(10);

    private final StatsQueries queries;
    private final DirtyDistricts dirty;
    private final EventPublisher publisher;
    private final Clock clock;
    private final Duration interval;
    private volatile String year;

    SnapshotPublisher(StatsQueries queries, DirtyDistricts dirty, EventPublisher publisher, Clock clock,
                      SnapshotSettings settings) {
        this.interval = settings.snapshotInterval();
        this.queries = queries;
        this.dirty = dirty;
        this.publisher = publisher;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void republishAll() {
        year = Period.currentYear(clock).text();
        queries.areasAt(AreaLevel.DISTRICT, null).forEach(d -> dirty.mark(d.code()));
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar tasks) {
        tasks.addFixedDelayTask(new FixedDelayTask(this::publishChanged, interval, interval));
    }

    void publishChanged() {
        Period thisYear = Period.currentYear(clock);
        if (year != null && !year.equals(thisYear.text())) {
            republishAll();
        }
        Set<String> changed = dirty.drain();
        List<Period> months = lastTwelveMonths();
        for (String district : changed) {
            // The moment before reading, not after: with several instances, a snapshot read before another
            // instance's write must lose to that instance's own, later-read snapshot of the district — readers keep
            // the newest asOf — however the two publications interleave.
            Instant asOf = clock.instant();
            publish(asOf, queries.area(district, thisYear, CountFilter.ALL), thisYear, months,
                    queries.months(district, months, CountFilter.ALL));
        }
    }

    private List<Period> lastTwelveMonths() {
        YearMonth now = YearMonth.now(clock.withZone(CellKey.ZONE));
        List<Period> months = new ArrayList<>(12);
        for (int i = 11; i >= 0; i--) {
            months.add(Period.month(now.minusMonths(i)));
        }
        return months;
    }

    private void publish(Instant asOf, AreaFigures d, Period year, List<Period> months, List<AreaFigures> trend) {
        List<DistrictCompletionSnapshot.Month> byMonth = new ArrayList<>(months.size());
        for (int i = 0; i < months.size(); i++) {
            AreaFigures m = trend.get(i);
            byMonth.add(new DistrictCompletionSnapshot.Month(months.get(i).text(),
                    m.counts().get(Measure.REPORTED.code()), m.counts().get(Measure.CLOSED.code()),
                    m.rates().get("completionRate")));
        }
        String name = d.areaName() != null ? d.areaName() : d.areaCode();
        DistrictCompletionSnapshot snapshot = new DistrictCompletionSnapshot(d.areaCode(), name,
                d.counts().get(Measure.REPORTED.code()), d.counts().get(Measure.CLOSED.code()),
                d.rates().get("completionRate"), asOf, year.text(), d.counts().get(Measure.CLOSED_ON_TIME.code()),
                d.rates().get("onTimeCompletionRate"), d.counts().get(Measure.OVERDUE_NOW.code()),
                d.counts().get(Measure.OPEN.code()), byMonth);
        try {
            publisher.publishAndWait(Topics.DISTRICT_STATS,
                    EventEnvelope.of(Topics.DISTRICT_STATS, ServiceNames.STATS, asOf, d.areaCode(), snapshot),
                    SEND_TIMEOUT);
        } catch (EventPublisher.PublishFailedException e) {
            log.warn("Snapshot of district {} not published, will retry: {}", d.areaCode(), e.getMessage());
            dirty.mark(d.areaCode());
        }
    }
}
