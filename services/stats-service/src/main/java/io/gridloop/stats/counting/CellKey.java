package io.gridloop.stats.counting;

import io.gridloop.contracts.Topics;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * One document of counts: an area and a bucket of time — a day ({@code 2026-11-23}), a month ({@code 2026-11})
 * or {@code live} for figures that belong to no period. Days are Beijing days. Quarters and years are read as
 * sums of months, so each count is written to one day and one month per area.
 */
public record CellKey(AreaRef area, String bucket) {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    public static final String LIVE = "live";

    public String id() {
        return idOf(area.code(), bucket);
    }

    public static String idOf(String areaCode, String bucket) {
        return areaCode + "|" + bucket;
    }

    /** The id of one partition's share of cell {@code cellId}: {@code 150105|2026-11|3}. */
    public static String shareId(String cellId, int partition) {
        return cellId + "|" + partition;
    }

    /**
     * Every id the cell may be stored under: whole (as the batch ledger counted it) and as the share of each
     * partition of the transitions topic (as Kafka Streams counts it). Readers add up whatever they find.
     */
    public static List<String> storedIdsOf(String areaCode, String bucket) {
        String id = idOf(areaCode, bucket);
        List<String> ids = new ArrayList<>(Topics.CASE_TRANSITIONED.partitions() + 1);
        ids.add(id);
        for (int p = 0; p < Topics.CASE_TRANSITIONED.partitions(); p++) {
            ids.add(shareId(id, p));
        }
        return ids;
    }

    public static String day(Instant at) {
        return LocalDate.ofInstant(at, ZONE).toString();
    }

    public static String month(Instant at) {
        return YearMonth.from(LocalDate.ofInstant(at, ZONE)).toString();
    }
}
