package io.gridloop.intake.report;

import java.time.Instant;

/**
 * The answer to a report: the id to quote from now on (it is also the case id in dispatch).
 *
 * @param duplicate         true when this is a retry of a report already accepted
 * @param likelyDuplicateOf an open report of the same kind close by (疑似重复); the report is accepted all the
 *                          same, and dispatch may merge it
 */
public record ReportReceipt(String eventId, String clientEventId, String districtCode, String districtName,
                            Instant reportedAt, boolean duplicate, String likelyDuplicateOf) {
}
