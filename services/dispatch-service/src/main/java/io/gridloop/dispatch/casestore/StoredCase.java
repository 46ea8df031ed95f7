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

import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A case as its document in {@code cases} holds it: one flat document, the field names unchanged since the first
 * installation, so stored cases read as they always did and an operator's query ({@code {handlingUnit: …}}) keeps
 * working. The domain's {@link CaseFile} groups these fields into values; this record is the one place that knows
 * both shapes. Its component names are the documents' field names ({@code id} is {@code _id}).
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
        String gridWorkerId,
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
                r.likelyDuplicateOf(), r.reportedAt(), r.gridWorkerId(), d.acceptBy(), d.closeBy(), d.warnAt(), h.unitCode(),
                h.unitName(), h.level(), h.routingRule(), h.assignee(), c.reworkCount(),
                p == null ? null : p.returnTo(), p == null ? null : p.requestedExtensionDays(),
                p == null ? null : p.suspendedAt(), c.mergedInto(), c.closedAt(), c.warned(), c.overdue(),
                c.lastVisit(), c.sequence(), c.timeline(), c.outbox());
    }

    /** The fields a transition sets; the lists it only appends to, and the id, never change. */
    private static final List<RecordComponent> SET_BY_TRANSITIONS = Arrays.stream(
            StoredCase.class.getRecordComponents()).filter(c -> !Set.of("id", "timeline", "outbox").contains(c.getName())).toList();

    /** The names of the fields whose values differ from {@code before}'s (timeline, outbox and id aside). */
    List<String> fieldsChangedSince(StoredCase before) {
        List<String> changed = new ArrayList<>();
        for (RecordComponent field : SET_BY_TRANSITIONS) {
            try {
                if (!Objects.equals(field.getAccessor().invoke(this), field.getAccessor().invoke(before))) {
                    changed.add(field.getName());
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return changed;
    }

    /** The case's own fields only: no timeline, no outbox. */
    StoredCase withoutLists() {
        return new StoredCase(id, caseNumber, state, version, districtCode, districtName, gridCode, communityCode,
                communityName, streetCode, streetName, category, subCategory, subCategoryName, source, urgency,
                description, location, likelyDuplicateOf, reportedAt, gridWorkerId, acceptBy, dueAt, warnAt, handlingUnit,
                handlingUnitName, level, routingRule, assignee, reworkCount, resumeState, requestedExtensionDays,
                suspendedAt, mergedInto, closedAt, warned, overdue, lastVisit, sequence, null, null);
    }

    public CaseFile toCase() {
        return new CaseFile(id, caseNumber, state, version,
                new AreaPath(districtCode, districtName, streetCode, streetName, communityCode, communityName,
                        gridCode),
                new Report(category, subCategory, subCategoryName, source, urgency, description, location,
                        likelyDuplicateOf, reportedAt, gridWorkerId),
                new Handling(handlingUnit, handlingUnitName, level, routingRule, assignee),
                new Deadlines(acceptBy, dueAt, warnAt), warned, overdue,
                resumeState == null ? null : new Paused(resumeState, requestedExtensionDays, suspendedAt),
                reworkCount, mergedInto, closedAt, lastVisit, sequence, timeline, outbox);
    }
}
