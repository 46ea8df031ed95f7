package io.gridloop.stats.streams;

import io.gridloop.stats.counting.AreaRef;
import io.gridloop.stats.counting.CellDelta;
import io.gridloop.stats.counting.CellKey;

import java.util.HashMap;
import java.util.Map;

/**
 * One partition's share of a count cell: what the cases of that partition add to an area and bucket, as absolute
 * values. Only the task of that partition writes it, so shares never need a guard against each other; readers add
 * up a cell's shares (they sum cells per area anyway).
 *
 * @param version how many changes made it: a write of an older version never replaces a newer one
 */
record PartialCell(AreaRef area, String bucket, long version, Map<String, Long> fields) {

    /** The stored id: the cell's id and the partition, {@code 150105|2026-11|3}. */
    static String idOf(CellKey cell, int partition) {
        return CellKey.shareId(cell.id(), partition);
    }

    /** {@code share} (absent: none yet) with {@code delta} added; the delta's area names the result. */
    static PartialCell adding(PartialCell share, CellDelta delta) {
        Map<String, Long> fields = share == null ? new HashMap<>() : new HashMap<>(share.fields());
        delta.fields().forEach((f, v) -> fields.merge(f, v, Long::sum));
        // Zeros go: a live cell whose cases all closed holds nothing, not a list of zeros.
        fields.values().removeIf(v -> v == 0);
        AreaRef area = delta.cell().area().name() == null && share != null ? share.area() : delta.cell().area();
        return new PartialCell(area, delta.cell().bucket(), share == null ? 1 : share.version() + 1, fields);
    }
}
