package io.gridloop.intake.duplicate;

import io.gridloop.contracts.event.EventReported;
import io.gridloop.contracts.event.GeoPoint;
import io.gridloop.intake.grid.Geo;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Finds an open report of the same sub-category close by and recent (疑似重复), so dispatch can merge them (并单).
 *
 * <p>Open recent reports sit in small documents per sub-category and map cell ({@code recent_reports},
 * {@code _id} = {@code <subCategory>#<row>#<column>}); a cell is twice the radius tall and, in China's
 * latitudes, at least the radius wide, so the 3 × 3 cells around a position hold every report within the radius.
 * Looking up nine ids is cheap on any MongoDB, the embedded one included; entries leave their cell when they age
 * out of the window or their case ends.
 *
 * <p>Only a report of the same district counts: merging is the district centre's, and naming another district's
 * report to the reporter or the centre would tell them of a case outside their reach.
 */
@Service
public class LikelyDuplicates {

    static final String COLLECTION = "recent_reports";
    private static final double METRES_PER_DEGREE = 111_000;

    private final MongoTemplate mongo;
    private final DuplicateSettings settings;

    LikelyDuplicates(MongoTemplate mongo, DuplicateSettings settings) {
        this.mongo = mongo;
        this.settings = settings;
    }

    /** One open report in a cell. */
    record Entry(String eventId, double latitude, double longitude, Instant reportedAt, String districtCode) {
    }

    record Cell(String id, List<Entry> entries) {
    }

    /**
     * The earliest open report of {@code subCategory} in {@code districtCode} within the radius and window of
     * {@code at}, if any.
     */
    public Optional<String> earlierReportNear(String subCategory, GeoPoint at, Instant now, String districtCode) {
        if (subCategory == null || at == null) {
            return Optional.empty();
        }
        Instant since = now.minus(settings.window());
        List<String> ids = new ArrayList<>();
        long row = row(at);
        long column = column(at);
        for (long r = row - 1; r <= row + 1; r++) {
            for (long c = column - 1; c <= column + 1; c++) {
                ids.add(cellId(subCategory, r, c));
            }
        }
        return mongo.find(Query.query(Criteria.where("_id").in(ids)), Cell.class, COLLECTION).stream()
                .flatMap(cell -> cell.entries() == null ? java.util.stream.Stream.empty() : cell.entries().stream())
                .filter(e -> !e.reportedAt().isBefore(since))
                .filter(e -> districtCode.equals(e.districtCode()))
                .filter(e -> Geo.distance(at, new GeoPoint(e.latitude(), e.longitude())) <= settings.radiusMetres())
                .min(Comparator.comparing(Entry::reportedAt))
                .map(Entry::eventId);
    }

    /** Makes an accepted report findable; entries older than the window leave its cell at the same time. */
    public void remember(EventReported event) {
        if (event.subCategory() == null || event.location() == null) {
            return;
        }
        String id = cellOf(event);
        mongo.upsert(Query.query(Criteria.where("_id").is(id)), new Update().push("entries",
                new Entry(event.eventId(), event.location().latitude(), event.location().longitude(),
                        event.reportedAt(), event.districtCode())), COLLECTION);
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), new Update().pull("entries",
                Query.query(Criteria.where("reportedAt").lt(event.reportedAt().minus(settings.window())))
                        .getQueryObject()), COLLECTION);
    }

    /** The report's case ended (办结, 并单, 作废): it is no longer an open report to merge into. */
    public void forget(EventReported event) {
        if (event.subCategory() == null || event.location() == null) {
            return;
        }
        mongo.updateFirst(Query.query(Criteria.where("_id").is(cellOf(event))), new Update().pull("entries",
                Query.query(Criteria.where("eventId").is(event.eventId())).getQueryObject()), COLLECTION);
    }

    private String cellOf(EventReported event) {
        return cellId(event.subCategory(), row(event.location()), column(event.location()));
    }

    private double cellDegrees() {
        return 2.0 * settings.radiusMetres() / METRES_PER_DEGREE;
    }

    private long row(GeoPoint p) {
        return (long) Math.floor(p.latitude() / cellDegrees());
    }

    private long column(GeoPoint p) {
        return (long) Math.floor(p.longitude() / cellDegrees());
    }

    private static String cellId(String subCategory, long row, long column) {
        return subCategory + "#" + row + "#" + column;
    }
}
