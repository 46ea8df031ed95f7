package io.gridloop.dispatch.calendar;

import io.gridloop.contracts.event.Complexity;
import io.gridloop.dispatch.deadline.CalendarYear;
import io.gridloop.dispatch.deadline.DeadlinePolicy;
import io.gridloop.dispatch.deadline.Deadlines;
import io.gridloop.dispatch.deadline.HolidayCalendar;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The holiday calendar the product owns: one data file per year shipped in {@code calendar/cn-<year>.yml}
 * (2025 and 2026 from the State Council's notices), plus years an administrator added or corrected through the
 * API, which are stored in MongoDB and win over the files. Every instance re-reads the stored years each minute.
 */
@Component
public class CalendarStore implements InitializingBean, SchedulingConfigurer {

    private final java.time.Duration reloadInterval;

    private static final Logger log = LoggerFactory.getLogger(CalendarStore.class);
    static final String COLLECTION = "calendar_years";

    /** Where a year's dates came from. */
    public enum Origin { FILE, ADMIN }

    /**
     * A stored year: {@code _id} is the year; the dates are kept as the JSON the API received, because MongoDB
     * has no date-without-time type and converting through the server's time zone could move them.
     */
    record StoredYear(int id, String calendar, Instant updatedAt, String updatedBy) {
    }

    public record KnownYear(CalendarYear calendar, Origin origin) {
    }

    private final MongoTemplate mongo;
    private final DeadlineSettings settings;
    private final Clock clock;
    private final Map<Integer, CalendarYear> files = new LinkedHashMap<>();
    private final AtomicReference<Map<Integer, KnownYear>> known = new AtomicReference<>(Map.of());
    private final AtomicReference<DeadlinePolicy> policy = new AtomicReference<>();
    private final Set<Integer> warnedAbout = ConcurrentHashMap.newKeySet();
    private final JsonMapper json = JsonMapper.builder().build();

    CalendarStore(MongoTemplate mongo, DeadlineSettings settings, Clock clock, CalendarSettings reloading) {
        this.reloadInterval = reloading.reloadInterval();
        this.mongo = mongo;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public void afterPropertiesSet() {
        YAMLMapper yaml = YAMLMapper.builder().build();
        try {
            for (Resource file : new PathMatchingResourcePatternResolver().getResources("classpath*:calendar/cn-*.yml")) {
                try (InputStream in = file.getInputStream()) {
                    CalendarYear year = yaml.readValue(in, CalendarYear.class);
                    files.put(year.year(), year);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the holiday calendar files", e);
        }
        reload();
        log.info("Holiday calendar covers {}", policy.get().calendar().years());
    }

    /** Picks up years added on other instances. */
    @Override
    public void configureTasks(ScheduledTaskRegistrar tasks) {
        tasks.addFixedDelayTask(new FixedDelayTask(this::reload, reloadInterval, reloadInterval));
    }

    public void reload() {
        Map<Integer, KnownYear> years = new LinkedHashMap<>();
        files.forEach((y, c) -> years.put(y, new KnownYear(c, Origin.FILE)));
        for (StoredYear stored : mongo.findAll(StoredYear.class, COLLECTION)) {
            years.put(stored.id(), new KnownYear(json.readValue(stored.calendar(), CalendarYear.class), Origin.ADMIN));
        }
        List<CalendarYear> calendars = new ArrayList<>();
        years.values().forEach(k -> calendars.add(k.calendar()));
        known.set(Map.copyOf(years));
        policy.set(new DeadlinePolicy(HolidayCalendar.of(calendars), settings.acceptWithin(),
                settings.closeWithin(), settings.warnShare()));
    }

    /** Stores an administrator's year, replacing any earlier one, and applies it at once. */
    public KnownYear save(CalendarYear year, String by) {
        mongo.save(new StoredYear(year.year(), json.writeValueAsString(year), clock.instant(), by), COLLECTION);
        reload();
        log.info("Holiday calendar {} set by {}: {} holidays, {} working weekend days", year.year(), by,
                year.holidays().size(), year.workingDays().size());
        return known.get().get(year.year());
    }

    public Map<Integer, KnownYear> years() {
        return known.get();
    }

    /** @param externalDue a deadline the source set (a 12345 order's), or {@code null} for the "1-3-5" rule */
    public Deadlines deadlinesFor(Instant reportedAt, Complexity complexity, Instant externalDue) {
        DeadlinePolicy current = policy.get();
        int year = ZonedDateTime.ofInstant(reportedAt, HolidayCalendar.CHINA).getYear();
        for (int y = year; y <= year + 1; y++) {
            if (!current.calendar().covers(y) && warnedAbout.add(y)) {
                log.warn("The holiday calendar has no data for {}: deadlines count Monday–Friday only. "
                        + "Add the year's holidays through PUT /api/v1/admin/calendars/{}", y, y);
            }
        }
        return current.forCase(reportedAt, complexity, externalDue);
    }

    public DeadlinePolicy policy() {
        return policy.get();
    }
}
