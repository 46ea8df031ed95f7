package io.gridloop.metrics.district;

import io.gridloop.contracts.event.DistrictCompletionSnapshot;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToDoubleFunction;

/**
 * The districts' figures as Prometheus gauges, tagged {@code district} (code) and {@code district_name}:
 * {@code gridloop_completion_rate} (办结率), {@code gridloop_ontime_rate} (按期办结率), {@code gridloop_events_reported},
 * {@code gridloop_events_closed} — all for the current year — and {@code gridloop_overdue_cases} (超期),
 * {@code gridloop_open_cases} (在办) as of now; and {@code gridloop_month_completion_rate} with a {@code month} tag
 * for the last twelve months' trend. Each reads the district's newest snapshot at every scrape.
 */
@Component
class DistrictGauges {

    /** A per-district gauge: its name, what it means, and how it reads a snapshot. */
    private record Measure(String metric, String description, ToDoubleFunction<DistrictCompletionSnapshot> value) {
    }

    private static final List<Measure> MEASURES = List.of(
            new Measure("gridloop.completion.rate", "办结率: events closed ÷ events reported, this year, 0..1",
                    s -> orNaN(s.completionRate())),
            new Measure("gridloop.ontime.rate",
                    "按期办结率: events closed by their deadline ÷ events closed, this year, 0..1",
                    s -> orNaN(s.onTimeRate())),
            new Measure("gridloop.overdue.cases", "超期: open cases past their deadline now",
                    DistrictCompletionSnapshot::overdueNow),
            new Measure("gridloop.open.cases", "在办: open cases now", DistrictCompletionSnapshot::openNow),
            new Measure("gridloop.events.reported", "上报数: events reported this year",
                    DistrictCompletionSnapshot::reported),
            new Measure("gridloop.events.closed", "办结数: events reported this year and closed",
                    DistrictCompletionSnapshot::closed));

    private final DistrictSnapshots snapshots;
    private final Map<String, MultiGauge> byMetric = new LinkedHashMap<>();
    private final MultiGauge monthRates;
    /** The name each district's series carry now: relabelled when a snapshot brings a new one. */
    private final Map<String, String> labelled = new ConcurrentHashMap<>();

    DistrictGauges(DistrictSnapshots snapshots, MeterRegistry meters) {
        this.snapshots = snapshots;
        for (Measure m : MEASURES) {
            byMetric.put(m.metric(), MultiGauge.builder(m.metric()).description(m.description()).register(meters));
        }
        this.monthRates = MultiGauge.builder("gridloop.month.completion.rate")
                .description("办结率 of the cases reported in one month, per district, for the last twelve months")
                .register(meters);
        snapshots.onChange(this::taken);
    }

    private void taken(DistrictCompletionSnapshot snapshot) {
        if (!Objects.equals(labelled.put(snapshot.districtCode(), snapshot.districtName()), snapshot.districtName())) {
            // A new district, or its name learnt since (statistics may name a district by its code until the
            // registry reached them): its series carry the name from now on, and once.
            registerDistricts();
        }
        registerMonths();
    }

    /** One series per district of each measure, read from its newest snapshot at every scrape. */
    private synchronized void registerDistricts() {
        for (Measure m : MEASURES) {
            List<MultiGauge.Row<?>> rows = new ArrayList<>();
            labelled.forEach((code, name) -> rows.add(MultiGauge.Row.of(
                    Tags.of("district", code, "district_name", name), snapshots,
                    s -> m.value().applyAsDouble(s.of(code)))));
            byMetric.get(m.metric()).register(rows, true);
        }
    }

    /** One series per district and month; months that slid out of the window disappear from the scrape. */
    private synchronized void registerMonths() {
        List<MultiGauge.Row<?>> rows = new ArrayList<>();
        for (DistrictCompletionSnapshot s : snapshots.all()) {
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

    /** Prometheus shows NaN for "no rate yet", which dashboards render as a gap rather than a false 0%. */
    private static double orNaN(Double rate) {
        return rate == null ? Double.NaN : rate;
    }
}
