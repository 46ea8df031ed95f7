package io.gridloop.metrics.district;

import io.gridloop.contracts.event.DistrictCompletionSnapshot;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The newest snapshot of every district, kept in memory for gauges and the dashboard and in MongoDB so a
 * restarted service shows the same numbers at once, before it has read anything from Kafka.
 *
 * <p>Gauges: {@code gridloop_completion_rate}, {@code gridloop_events_reported}, {@code gridloop_events_closed},
 * tagged {@code district} (code) and {@code district_name}.
 */
@Component
public class DistrictBoard implements InitializingBean {

    static final String COLLECTION = "district_snapshots";

    private final Map<String, DistrictCompletionSnapshot> latest = new ConcurrentHashMap<>();
    private final MongoTemplate mongo;
    private final MeterRegistry meters;

    DistrictBoard(MongoTemplate mongo, MeterRegistry meters) {
        this.mongo = mongo;
        this.meters = meters;
    }

    /** Stored snapshot document, keyed by district code. */
    record StoredSnapshot(String id, DistrictCompletionSnapshot snapshot) {
    }

    /** Runs before the Kafka listeners start, so the stored numbers are there from the first scrape. */
    @Override
    public void afterPropertiesSet() {
        restore();
    }

    void restore() {
        mongo.findAll(StoredSnapshot.class, COLLECTION).forEach(s -> remember(s.snapshot()));
    }

    /** Takes {@code snapshot} unless a newer one of its district is known already (records can arrive late). */
    public boolean offer(DistrictCompletionSnapshot snapshot) {
        if (!remember(snapshot)) {
            return false;
        }
        mongo.save(new StoredSnapshot(snapshot.districtCode(), snapshot), COLLECTION);
        return true;
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
            if (current != null && current.asOf().isAfter(snapshot.asOf())) {
                return current;
            }
            taken[0] = true;
            return snapshot;
        });
        if (before == null && taken[0]) {
            register(code, snapshot.districtName());
        }
        return taken[0];
    }

    private void register(String code, String name) {
        Gauge.builder("gridloop.completion.rate", latest, m -> rateOf(m.get(code)))
                .description("办结率: events closed ÷ events reported, 0..1")
                .tag("district", code).tag("district_name", name)
                .register(meters);
        Gauge.builder("gridloop.events.reported", latest, m -> m.get(code).reported())
                .description("上报数: events reported")
                .tag("district", code).tag("district_name", name)
                .register(meters);
        Gauge.builder("gridloop.events.closed", latest, m -> m.get(code).closed())
                .description("办结数: events closed")
                .tag("district", code).tag("district_name", name)
                .register(meters);
    }

    private static double rateOf(DistrictCompletionSnapshot s) {
        return s.completionRate() == null ? Double.NaN : s.completionRate();
    }
}
