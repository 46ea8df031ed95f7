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
        return new OpenCase(c.id(), c.caseNumber(), c.state(), c.state().label(), c.area().districtCode(), c.area().districtName(),
                c.area().streetCode(), c.area().communityCode(), c.area().gridCode(), c.report().category(), c.report().category().label(),
                c.report().subCategory(), c.report().subCategoryName(), c.report().source(), c.report().urgency(), c.report().description(),
                c.report().likelyDuplicateOf(), c.handling().unitCode(),
                c.handling().unitName(), c.handling().level(), c.handling().assignee(), c.report().reportedAt(), c.deadlines().acceptBy(), c.deadlines().closeBy(), c.deadlines().warnAt(),
                c.warned(), c.overdue(), c.reworkCount(), c.version());
    }
}
