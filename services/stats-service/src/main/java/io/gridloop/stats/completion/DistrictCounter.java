package io.gridloop.stats.completion;

/**
 * A district's counts from one partition of {@code grid.case.transitioned.v1}. A district's totals are the sum
 * over partitions. Keeping one document per partition makes each update exactly-once by the partition's
 * offset, and lets several stats instances share the partitions without ever writing the same document.
 *
 * @param lastOffset the last offset of the partition applied to this document
 */
record DistrictCounter(String id, String districtCode, String districtName, int partition, long reported,
                       long closed, long lastOffset) {

    static String idOf(String districtCode, int partition) {
        return districtCode + "#" + partition;
    }
}
