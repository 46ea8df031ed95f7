package io.gridloop.metrics.district;

import io.gridloop.contracts.event.DistrictCompletionSnapshot;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import org.bson.Document;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The newest snapshot of every district, kept in memory for gauges and the dashboard and in MongoDB so a
 * restarted service shows the same numbers at once, before it has read anything from Kafka.
 *
 * <p>Several instances share one consumer group, so each reads only some districts' partitions; MongoDB is where
 * they meet. A snapshot is stored only over an older one of its district, and every instance reloads the stored
 * snapshots every {@code gridloop.dashboard.push-interval}, so each serves every district, whichever instance
 * read it from Kafka.
 *
 * <p>Gauges, tagged {@code district} (code) and {@code district_name}: {@code gridloop_completion_rate} (办结率),
 * {@code gridloop_ontime_rate} (按期办结率), {@code gridloop_events_reported}, {@code gridloop_events_closed} — all
 * for the current year — and {@code gridloop_overdue_cases} (超期), {@code gridloop_open_cases} (在办) as of now; and
 * {@code gridloop_month_completion_rate} with a {@code month} tag for the last twelve months' trend.
 */
@Component
public class DistrictBoard implements InitializingBean {

    static final String COLLECTION = "district_snapshots";

    private final Map<String, DistrictCompletionSnapshot> latest = new ConcurrentHashMap<>();
    private final MongoTemplate mongo;
    private final MeterRegistry meters;
    private final MultiGauge monthRates;
    private final List<Runnable> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** A per-district gauge: its name, what it means, and how it reads a snapshot. */
    private record DistrictMeasure(String metric, String description,
                                   java.util.function.ToDoubleFunction<DistrictCompletionSnapshot> value) {
    }

    private static final List<DistrictMeasure> MEASURES = List.of(
            new DistrictMeasure("gridloop.completion.rate", "办结率: events closed ÷ events reported, this year, 0..1",
                    DistrictBoard::rateOf),
            new DistrictMeasure("gridloop.ontime.rate",
                    "按期办结率: events closed by their deadline ÷ events closed, this year, 0..1",
                    s -> orNaN(s.onTimeRate())),
            new DistrictMeasure("gridloop.overdue.cases", "超期: open cases past their deadline now",
                    DistrictCompletionSnapshot::overdueNow),
            new DistrictMeasure("gridloop.open.cases", "在办: open cases now", DistrictCompletionSnapshot::openNow),
            new DistrictMeasure("gridloop.events.reported", "上报数: events reported this year",
                    DistrictCompletionSnapshot::reported),
            new DistrictMeasure("gridloop.events.closed", "办结数: events reported this year and closed",
                    DistrictCompletionSnapshot::closed));

    private final Map<String, MultiGauge> districtGauges = new java.util.LinkedHashMap<>();
    /** The name each district's series carry now: relabelled when a snapshot brings a new one. */
    private final Map<String, String> labelled = new ConcurrentHashMap<>();

    public DistrictBoard(MongoTemplate mongo, MeterRegistry meters) {
        this.mongo = mongo;
        this.meters = meters;
        this.monthRates = MultiGauge.builder("gridloop.month.completion.rate")
                .description("办结率 of the cases reported in one month, per district, for the last twelve months")
                .register(meters);
        for (DistrictMeasure m : MEASURES) {
            districtGauges.put(m.metric(), MultiGauge.builder(m.metric()).description(m.description())
                    .register(meters));
        }
    }

    /** Stored snapshot document, keyed by district code. */
    record StoredSnapshot(String id, DistrictCompletionSnapshot snapshot) {
    }

    /** Runs before the Kafka listeners start, so the stored numbers are there from the first scrape. */
    @Override
    public void afterPropertiesSet() {
        refresh();
    }

    /** Takes {@code snapshot} unless a newer one of its district is known already (records can arrive late). */
    public boolean offer(DistrictCompletionSnapshot snapshot) {
        if (!remember(snapshot)) {
            return false;
        }
        store(snapshot);
        listeners.forEach(Runnable::run);
        return true;
    }

    /** Takes what other instances stored since the last look. */
    @Scheduled(fixedDelayString = "${gridloop.dashboard.push-interval:1s}")
    void refresh() {
        boolean taken = false;
        for (StoredSnapshot s : mongo.findAll(StoredSnapshot.class, COLLECTION)) {
            taken |= remember(s.snapshot());
        }
        if (taken) {
            listeners.forEach(Runnable::run);
        }
    }

    /**
     * Replaces the stored snapshot of the district only if it is not newer; an upsert that finds the district
     * stored with a newer snapshot fails on the duplicate id, and that snapshot stays.
     */
    private void store(DistrictCompletionSnapshot snapshot) {
        Query olderOrAbsent = Query.query(Criteria.where("_id").is(snapshot.districtCode())
                .and("snapshot.asOf").lte(snapshot.asOf()));
        Document replacement = new Document();
        mongo.getConverter().write(new StoredSnapshot(snapshot.districtCode(), snapshot), replacement);
        try {
            mongo.upsert(olderOrAbsent, Update.fromDocument(replacement), COLLECTION);
        } catch (DuplicateKeyException newerStored) {
            // another instance stored a newer snapshot of this district in the meantime
        }
    }

    /** {@code listener} runs (on the Kafka listener's thread) whenever a newer snapshot was taken. */
    public void onChange(Runnable listener) {
        listeners.add(listener);
    }

    public List<DistrictCompletionSnapshot> all() {
        return latest.values().stream().sorted(Comparator.comparing(DistrictCompletionSnapshot::districtCode)).toList();
    }

    /** Keeps {@code snapshot} if it is the newest of its district; false if a newer one is known. */
    private boolean remember(DistrictCompletionSnapshot snapshot) {
        String code = snapshot.districtCode();
        boolean[] taken = {false};
        DistrictCompletionSnapshot before = latest.get(code);
        latest.compute(code, (k, current) -> {
            // Not newer: late, a redelivery, or the stored copy (milliseconds only) of what this instance holds.
            if (current != null && !snapshot.asOf().isAfter(current.asOf())) {
                return current;
            }
            taken[0] = true;
            return snapshot;
        });
        if (taken[0] && !java.util.Objects.equals(labelled.put(code, snapshot.districtName()),
                snapshot.districtName())) {
            // A new district, or its name learnt since (statistics may name a district by its code until the
            // registry reached them): its series carry the name from now on, and once.
            registerDistricts();
        }
        if (taken[0]) {
            registerMonths();
        }
        return taken[0];
    }

    /** One series per district of each measure, read from its newest snapshot at every scrape. */
    private synchronized void registerDistricts() {
        for (DistrictMeasure m : MEASURES) {
            List<MultiGauge.Row<?>> rows = new ArrayList<>();
            for (Map.Entry<String, String> district : labelled.entrySet()) {
                String code = district.getKey();
                rows.add(MultiGauge.Row.of(Tags.of("district", code, "district_name", district.getValue()), latest,
                        l -> m.value().applyAsDouble(l.get(code))));
            }
            districtGauges.get(m.metric()).register(rows, true);
        }
    }

    /** One series per district and month; months that slid out of the window disappear from the scrape. */
    private synchronized void registerMonths() {
        List<MultiGauge.Row<?>> rows = new ArrayList<>();
        for (DistrictCompletionSnapshot s : latest.values()) {
            if (s.months() == null) {
                continue;
            }
            for (DistrictCompletionSnapshot.Month m : s.months()) {
                rows.add(MultiGauge.Row.of(Tags.of("district", s.districtCode(), "district_name", s.districtName(),
                        "month", m.month()), orNaN(m.completionRate())));
            }
        }
        monthRates.register(rows, true);
    }

    private static double rateOf(DistrictCompletionSnapshot s) {
        return orNaN(s.completionRate());
    }

    /** Prometheus shows NaN for "no rate yet", which dashboards render as a gap rather than a false 0%. */
    private static double orNaN(Double rate) {
        return rate == null ? Double.NaN : rate;
    }
}
