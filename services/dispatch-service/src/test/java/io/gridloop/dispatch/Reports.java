package io.gridloop.dispatch;

import io.gridloop.dispatch.casestore.CaseFiles;
import io.gridloop.contracts.catalogue.SubCategory;
import io.gridloop.contracts.catalogue.SubCategoryCatalogue;
import io.gridloop.contracts.event.EventReported;
import io.gridloop.contracts.event.ReportSource;
import io.gridloop.contracts.event.Urgency;

import java.time.Instant;
import java.util.List;

/** Reported events as intake publishes them, resolved against the shipped catalogue. */
public final class Reports {

    public static final SubCategoryCatalogue CATALOGUE = SubCategoryCatalogue.shipped();

    private Reports() {
    }

    /** Publishes {@code event} as intake does, and waits for dispatch to open its case and relay its events. */
    public static io.gridloop.dispatch.lifecycle.CaseFile opened(String bootstrap,
                                                                  io.gridloop.dispatch.casestore.CaseFiles cases,
                                                                  EventReported event) {
        io.gridloop.infra.TopicWriter.send(bootstrap, io.gridloop.contracts.Topics.EVENT_REPORTED.name(),
                event.eventId(), new io.gridloop.contracts.EventCodec().encode(io.gridloop.contracts.EventEnvelope.of(
                        io.gridloop.contracts.Topics.EVENT_REPORTED, event.eventId(),
                        io.gridloop.contracts.ServiceNames.INTAKE, event.reportedAt(), event.eventId(), event)));
        return org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
                .until(() -> cases.find(event.eventId()).orElse(null), c -> c != null && c.outbox().isEmpty());
    }

    /** The same report, flagged by intake as a likely duplicate of {@code earlier}. */
    public static EventReported duplicateOf(EventReported e, String earlier) {
        return new EventReported(e.eventId(), e.clientEventId(), e.reporterId(), e.source(), e.category(),
                e.subCategory(), e.subCategoryName(), e.complexity(), e.initialLevel(), e.urgency(), e.gridCode(),
                e.communityCode(), e.communityName(), e.streetCode(), e.streetName(), e.districtCode(),
                e.districtName(), e.description(), e.location(), e.occurredAt(), e.reportedAt(), e.dueAt(), earlier,
                List.of("p" + "ab".repeat(32)));
    }

    /** The same report, by {@code reporterId} and in {@code description}'s words. */
    public static EventReported describing(EventReported e, String reporterId, String description) {
        return new EventReported(e.eventId(), e.clientEventId(), reporterId, e.source(), e.category(),
                e.subCategory(), e.subCategoryName(), e.complexity(), e.initialLevel(), e.urgency(), e.gridCode(),
                e.communityCode(), e.communityName(), e.streetCode(), e.streetName(), e.districtCode(),
                e.districtName(), description, e.location(), e.occurredAt(), e.reportedAt(), e.dueAt(),
                e.likelyDuplicateOf(), e.photoIds());
    }

    /** A grid worker's report of {@code subCategory} in {@code gridCode}, whose district is {@code districtName}. */
    public static EventReported of(String id, String subCategory, String gridCode, String districtName,
                                   Instant reportedAt) {
        return of(id, ReportSource.GRID_PATROL, subCategory, gridCode, districtName, reportedAt, null);
    }

    public static EventReported of(String id, ReportSource source, String subCategory, String gridCode,
                                   String districtName, Instant reportedAt, Instant dueAt) {
        SubCategory sub = CATALOGUE.find(subCategory).orElseThrow();
        return new EventReported(id, "c-" + id, "gw-1", source, sub.category(), sub.code(), sub.name(),
                sub.complexity(), sub.defaultLevel(), Urgency.NORMAL, gridCode, gridCode.substring(0, 12),
                "测试社区", gridCode.substring(0, 9), "测试街道", gridCode.substring(0, 6), districtName,
                "测试事项：" + sub.name(), null, reportedAt.minusSeconds(60), reportedAt, dueAt, null, null);
    }
}
