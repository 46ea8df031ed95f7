package io.gridloop.dispatch.queue;

import io.gridloop.contracts.event.CaseState;
import io.gridloop.contracts.event.EventCategory;
import io.gridloop.contracts.area.AreaLevel;
import io.gridloop.contracts.event.ReportSource;
import io.gridloop.contracts.event.Urgency;
import io.gridloop.dispatch.lifecycle.CaseFile;

import java.time.Instant;

/**
 * A case that is still open, as work queues and the deadline watch need it. Kept in its own small collection so
 * neither scans every case ever reported: it holds only the open ones.
 */
public record OpenCase(String id, String caseNumber, CaseState state, String stateLabel, String districtCode, String districtName,
                       String streetCode, String communityCode, String gridCode, EventCategory category,
                       String categoryLabel, String subCategory, String subCategoryName, ReportSource source,
                       Urgency urgency, String description, String likelyDuplicateOf, String handlingUnit,
                       String handlingUnitName, AreaLevel level, String assignee, Instant reportedAt,
                       Instant acceptBy, Instant dueAt,
                       Instant warnAt, boolean warned, boolean overdue, int reworkCount, long version) {

    static OpenCase of(CaseFile c) {
        return new OpenCase(c.id(), c.caseNumber(), c.state(), c.state().label(), c.districtCode(), c.districtName(),
                c.streetCode(), c.communityCode(), c.gridCode(), c.category(), c.category().label(),
                c.subCategory(), c.subCategoryName(), c.source(), c.urgency(), c.description(),
                c.likelyDuplicateOf(), c.handlingUnit(),
                c.handlingUnitName(), c.level(), c.assignee(), c.reportedAt(), c.acceptBy(), c.dueAt(), c.warnAt(),
                c.warned(), c.overdue(), c.reworkCount(), c.version());
    }
}
