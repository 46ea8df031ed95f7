package io.gridloop.dispatch.casestore;

import io.gridloop.contracts.area.AreaLevel;
import io.gridloop.contracts.area.AreaPath;
import io.gridloop.contracts.event.CaseState;
import io.gridloop.contracts.event.EventCategory;
import io.gridloop.contracts.event.GeoPoint;
import io.gridloop.contracts.event.ReportSource;
import io.gridloop.contracts.event.Urgency;
import io.gridloop.dispatch.deadline.Deadlines;
import io.gridloop.dispatch.lifecycle.CaseFile;
import io.gridloop.dispatch.lifecycle.Handling;
import io.gridloop.dispatch.lifecycle.HotlineVisit;
import io.gridloop.dispatch.lifecycle.OutboxEntry;
import io.gridloop.dispatch.lifecycle.Paused;
import io.gridloop.dispatch.lifecycle.Report;
import io.gridloop.dispatch.lifecycle.TimelineEntry;

import java.time.Instant;
import java.util.List;

/**
 * A case as its document in {@code cases} holds it: one flat document, the field names unchanged since the first
 * installation, so stored cases read as they always did and an operator's query ({@code {handlingUnit: …}}) keeps
 * working. The domain's {@link CaseFile} groups these fields into values; this record is the one place that knows
 * both shapes.
 */
public record StoredCase(
        String id,
        String caseNumber,
        CaseState state,
        long version,
        String districtCode,
        String districtName,
        String gridCode,
        String communityCode,
        String communityName,
        String streetCode,
        String streetName,
        EventCategory category,
        String subCategory,
        String subCategoryName,
        ReportSource source,
        Urgency urgency,
        String description,
        GeoPoint location,
        String likelyDuplicateOf,
        Instant reportedAt,
        Instant acceptBy,
        Instant dueAt,
        Instant warnAt,
        String handlingUnit,
        String handlingUnitName,
        AreaLevel level,
        String routingRule,
        String assignee,
        int reworkCount,
        CaseState resumeState,
        Integer requestedExtensionDays,
        Instant suspendedAt,
        String mergedInto,
        Instant closedAt,
        boolean warned,
        boolean overdue,
        HotlineVisit lastVisit,
        int sequence,
        List<TimelineEntry> timeline,
        List<OutboxEntry> outbox) {

    public static StoredCase of(CaseFile c) {
        AreaPath a = c.area();
        Report r = c.report();
        Handling h = c.handling();
        Deadlines d = c.deadlines();
        Paused p = c.paused();
        return new StoredCase(c.id(), c.caseNumber(), c.state(), c.version(), a.districtCode(), a.districtName(),
                a.gridCode(), a.communityCode(), a.communityName(), a.streetCode(), a.streetName(), r.category(),
                r.subCategory(), r.subCategoryName(), r.source(), r.urgency(), r.description(), r.location(),
                r.likelyDuplicateOf(), r.reportedAt(), d.acceptBy(), d.closeBy(), d.warnAt(), h.unitCode(),
                h.unitName(), h.level(), h.routingRule(), h.assignee(), c.reworkCount(),
                p == null ? null : p.returnTo(), p == null ? null : p.requestedExtensionDays(),
                p == null ? null : p.suspendedAt(), c.mergedInto(), c.closedAt(), c.warned(), c.overdue(),
                c.lastVisit(), c.sequence(), c.timeline(), c.outbox());
    }

    /** The case's own fields only: no timeline, no outbox. */
    StoredCase withoutLists() {
        return new StoredCase(id, caseNumber, state, version, districtCode, districtName, gridCode, communityCode,
                communityName, streetCode, streetName, category, subCategory, subCategoryName, source, urgency,
                description, location, likelyDuplicateOf, reportedAt, acceptBy, dueAt, warnAt, handlingUnit,
                handlingUnitName, level, routingRule, assignee, reworkCount, resumeState, requestedExtensionDays,
                suspendedAt, mergedInto, closedAt, warned, overdue, lastVisit, sequence, null, null);
    }

    public CaseFile toCase() {
        return new CaseFile(id, caseNumber, state, version,
                new AreaPath(districtCode, districtName, streetCode, streetName, communityCode, communityName,
                        gridCode),
                new Report(category, subCategory, subCategoryName, source, urgency, description, location,
                        likelyDuplicateOf, reportedAt),
                new Handling(handlingUnit, handlingUnitName, level, routingRule, assignee),
                new Deadlines(acceptBy, dueAt, warnAt), warned, overdue,
                resumeState == null ? null : new Paused(resumeState, requestedExtensionDays, suspendedAt),
                reworkCount, mergedInto, closedAt, lastVisit, sequence, timeline, outbox);
    }
}
