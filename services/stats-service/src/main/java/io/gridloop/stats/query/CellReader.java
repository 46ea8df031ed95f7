package io.gridloop.stats.query;

import com.mongodb.client.model.Filters;
import io.gridloop.stats.counting.CellKey;
import io.gridloop.stats.counting.Measure;
import io.gridloop.stats.generations.Generations;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Sums stored cells per area. Every read is by {@code _id} (area × bucket), so it costs the same on the
 * embedded MongoDB-wire server, which builds no secondary indexes, as on a real one.
 */
@Component
class CellReader {

    private static final int ID_CHUNK = 5_000;

    private final MongoTemplate mongo;
    private final Generations generations;

    CellReader(MongoTemplate mongo, Generations generations) {
        this.mongo = mongo;
        this.generations = generations;
    }

    /** Area code → its measures over {@code buckets} plus its live figures; areas without cells get zeros. */
    Map<String, Tally> read(Collection<String> areaCodes, List<String> buckets, CountFilter filter) {
        List<String> ids = new ArrayList<>();
        for (String area : areaCodes) {
            for (String bucket : buckets) {
                ids.addAll(CellKey.storedIdsOf(area, bucket));
            }
            ids.addAll(CellKey.storedIdsOf(area, CellKey.LIVE));
        }
        Map<String, Tally> out = new HashMap<>();
        areaCodes.forEach(a -> out.put(a, new Tally()));
        for (Document cell : mongo.getCollection(generations.reading().cells()).find(Filters.in("_id", ids))) {
            Tally tally = out.get(cell.getString("code"));
            Document m = cell.get("m", Document.class);
            if (tally == null || m == null) {
                continue;
            }
            m.forEach((dims, value) -> {
                if (filter.matches(dims) && value instanceof Document fields) {
                    addFields(tally, fields);
                }
            });
        }
        return out;
    }

    /**
     * One area's measures bucket by bucket (each with the area's live figures), in one read: a trend of twelve
     * months costs one query, not twelve.
     */
    Map<String, Tally> readEach(String areaCode, List<String> buckets, CountFilter filter) {
        List<String> ids = new ArrayList<>();
        buckets.forEach(b -> ids.addAll(CellKey.storedIdsOf(areaCode, b)));
        ids.addAll(CellKey.storedIdsOf(areaCode, CellKey.LIVE));
        Map<String, Tally> out = new HashMap<>();
        buckets.forEach(b -> out.put(b, new Tally()));
        Tally live = new Tally();
        for (Document cell : mongo.getCollection(generations.reading().cells()).find(Filters.in("_id", ids))) {
            String bucket = cell.getString("bucket");
            Tally tally = CellKey.LIVE.equals(bucket) ? live : out.get(bucket);
            Document m = cell.get("m", Document.class);
            if (tally != null && m != null) {
                m.forEach((dims, value) -> {
                    if (filter.matches(dims) && value instanceof Document fields) {
                        addFields(tally, fields);
                    }
                });
            }
        }
        out.values().forEach(t -> t.addAll(live));
        return out;
    }

    /**
     * One area's reports over {@code buckets} by their {@code <CATEGORY>|<SOURCE>} entry, in one read: every split
     * of the area by category or by source is a sum of these.
     */
    Map<String, Long> reportedByDims(String areaCode, List<String> buckets) {
        List<String> ids = buckets.stream().flatMap(b -> CellKey.storedIdsOf(areaCode, b).stream()).toList();
        Map<String, Long> out = new HashMap<>();
        for (Document cell : mongo.getCollection(generations.reading().cells()).find(Filters.in("_id", ids))) {
            Document m = cell.get("m", Document.class);
            if (m != null) {
                m.forEach((dims, value) -> {
                    if (value instanceof Document fields && fields.get(Measure.REPORTED.code()) instanceof Number n) {
                        out.merge(dims, n.longValue(), Long::sum);
                    }
                });
            }
        }
        return out;
    }

    /**
     * Each code's cells of one bucket as stored, summed over shares: code → {@code <CATEGORY>|<SOURCE>} → measure
     * code → count (handling-time buckets left out). Codes without cells have no entry. Read in chunks: a district's
     * grid workers and grids are thousands of codes, each stored as up to 17 shares.
     */
    Map<String, Map<String, Map<String, Long>>> byDims(Collection<String> codes, String bucket) {
        Map<String, Map<String, Map<String, Long>>> out = new HashMap<>();
        List<String> ids = codes.stream().distinct().flatMap(c -> CellKey.storedIdsOf(c, bucket).stream()).toList();
        for (int from = 0; from < ids.size(); from += ID_CHUNK) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + ID_CHUNK));
            for (Document cell : mongo.getCollection(generations.reading().cells()).find(Filters.in("_id", chunk))) {
                Document m = cell.get("m", Document.class);
                if (m == null) {
                    continue;
                }
                Map<String, Map<String, Long>> dimsOfCode = out.computeIfAbsent(cell.getString("code"),
                        c -> new HashMap<>());
                m.forEach((dims, value) -> {
                    if (value instanceof Document fields) {
                        Map<String, Long> counts = dimsOfCode.computeIfAbsent(dims, d -> new HashMap<>());
                        fields.forEach((name, n) -> {
                            if (n instanceof Number number) {
                                counts.merge(name, number.longValue(), Long::sum);
                            }
                        });
                    }
                });
            }
        }
        return out;
    }

    private static void addFields(Tally tally, Document fields) {
        fields.forEach((name, value) -> {
            if ("h".equals(name) && value instanceof Document buckets) {
                buckets.forEach((b, n) -> tally.addHandling(Integer.parseInt(b), ((Number) n).longValue()));
            } else if (value instanceof Number n) {
                Measure.byCode(name).ifPresent(measure -> tally.add(measure, n.longValue()));
            }
        });
    }
}
