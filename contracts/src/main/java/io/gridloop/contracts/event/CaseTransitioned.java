package io.gridloop.contracts.event;

import io.gridloop.contracts.area.AreaLevel;
import io.gridloop.contracts.area.AreaPath;

import java.time.Instant;
import java.util.List;

/**
 * Data of {@code grid.case.transitioned.v1}: one state change of a case, carrying what statistics need so that
 * no consumer has to ask dispatch.
 *
 * @param sequence   1 for the first transition of a case, then +1 per transition: orders a case's history
 * @param action     what moved the case, e.g. {@code report}, {@code route}, {@code accept}, {@code close}
 * @param fromState  the state before, absent for the first transition
 * @param dueAt      when the case must be closed (结案期限)
 * @param occurredAt when the transition happened
 * @param actor      who did it: a user id, or {@code system} for automatic steps
 * @param level      the level that handles the case after the transition: GRID, COMMUNITY, STREET, DISTRICT, CITY
 * @param reworkCount how often review sent the case back so far (返工次数)
 * @param reason     why, for returns, escalations, rework, suspensions, invalidations and extensions
 * @param closedAt   when the case was closed, on the transition to CLOSED
 * @param onTime     whether it was closed by {@code dueAt}, on the transition to CLOSED
 * @param mergedInto the case this one was merged into (并单), on the transition to MERGED
 * @param subCategory the catalogue code (事项小类), absent for cases reported without one
 * @param actorRole  the role the actor acted in (OPERATOR, HANDLER…; SYSTEM for automatic steps)
 * @param routingRule which routing rule chose the handling unit, as {@code <rule id>@v<rule-set version>}, on
 *                   transitions the rules decided
 * @param handlingUnitName the Chinese name of {@code handlingUnit}, as people (and Open311 clients) read it
 * @param acceptBy   when the case must be accepted (受理/响应期限); statistics judge 按时响应 by it
 * @param visitResolution   on a {@code visit} transition: what the citizen said at the 12345 return visit
 * @param visitSatisfaction on a {@code visit} transition: how satisfied the citizen was
 * @param description on an {@code escalate} transition: the report's own text, for whoever takes the case up
 *                    (the 12345 command centre when the case goes to the city)
 * @param extensionWorkingDays on a {@code request-extension} transition: how many working days are asked for
 * @param photoIds   photos taken with the action (a feedback's of the result), by the ids dispatch's photo store
 *                   gave them; empty when none
 * @param caseNumber the number people quote (案件编号: Beijing date, district code, the day's sequence), absent
 *                   on cases opened before numbers were given
 * @param gridWorkerId who reported the case, on every transition of a case a grid worker reported (source
 *                   {@code GRID_PATROL}); the monthly assessment of grid workers counts their reports by it. Absent
 *                   on everybody else's reports: a citizen's identity stays with intake and dispatch
 */
public record CaseTransitioned(
        String caseId,
        int sequence,
        CaseAction action,
        CaseState fromState,
        CaseState toState,
        String districtCode,
        String districtName,
        String gridCode,
        EventCategory category,
        ReportSource source,
        Instant reportedAt,
        Instant dueAt,
        Instant occurredAt,
        String actor,
        String handlingUnit,
        AreaLevel level,
        Integer reworkCount,
        String reason,
        Instant closedAt,
        Boolean onTime,
        String mergedInto,
        String subCategory,
        String communityCode,
        String communityName,
        String streetCode,
        String streetName,
        String actorRole,
        String routingRule,
        String handlingUnitName,
        Instant acceptBy,
        VisitResolution visitResolution,
        VisitSatisfaction visitSatisfaction,
        String description,
        Integer extensionWorkingDays,
        List<String> photoIds,
        String caseNumber,
        String gridWorkerId) {

    public CaseTransitioned {
        photoIds = photoIds == null ? List.of() : List.copyOf(photoIds);
    }

    /** A transition without photos. */
    public CaseTransitioned(String caseId, int sequence, CaseAction action, CaseState fromState, CaseState toState,
                            String districtCode, String districtName, String gridCode, EventCategory category,
                            ReportSource source, Instant reportedAt, Instant dueAt, Instant occurredAt, String actor,
                            String handlingUnit, AreaLevel level, Integer reworkCount, String reason, Instant closedAt,
                            Boolean onTime, String mergedInto, String subCategory, String communityCode,
                            String communityName, String streetCode, String streetName, String actorRole,
                            String routingRule, String handlingUnitName, Instant acceptBy,
                            VisitResolution visitResolution, VisitSatisfaction visitSatisfaction, String description,
                            Integer extensionWorkingDays) {
        this(caseId, sequence, action, fromState, toState, districtCode, districtName, gridCode, category, source,
                reportedAt, dueAt, occurredAt, actor, handlingUnit, level, reworkCount, reason, closedAt, onTime,
                mergedInto, subCategory, communityCode, communityName, streetCode, streetName, actorRole,
                routingRule, handlingUnitName, acceptBy, visitResolution, visitSatisfaction, description,
                extensionWorkingDays, List.of(), null);
    }

    /** A transition of a case without a number. */
    public CaseTransitioned(String caseId, int sequence, CaseAction action, CaseState fromState, CaseState toState,
                            String districtCode, String districtName, String gridCode, EventCategory category,
                            ReportSource source, Instant reportedAt, Instant dueAt, Instant occurredAt, String actor,
                            String handlingUnit, AreaLevel level, Integer reworkCount, String reason, Instant closedAt,
                            Boolean onTime, String mergedInto, String subCategory, String communityCode,
                            String communityName, String streetCode, String streetName, String actorRole,
                            String routingRule, String handlingUnitName, Instant acceptBy,
                            VisitResolution visitResolution, VisitSatisfaction visitSatisfaction, String description,
                            Integer extensionWorkingDays, List<String> photoIds) {
        this(caseId, sequence, action, fromState, toState, districtCode, districtName, gridCode, category, source,
                reportedAt, dueAt, occurredAt, actor, handlingUnit, level, reworkCount, reason, closedAt, onTime,
                mergedInto, subCategory, communityCode, communityName, streetCode, streetName, actorRole,
                routingRule, handlingUnitName, acceptBy, visitResolution, visitSatisfaction, description,
                extensionWorkingDays, photoIds, null);
    }

    /** A transition of a case nobody in particular reported, or reported before reporters were carried. */
    public CaseTransitioned(String caseId, int sequence, CaseAction action, CaseState fromState, CaseState toState,
                            String districtCode, String districtName, String gridCode, EventCategory category,
                            ReportSource source, Instant reportedAt, Instant dueAt, Instant occurredAt, String actor,
                            String handlingUnit, AreaLevel level, Integer reworkCount, String reason, Instant closedAt,
                            Boolean onTime, String mergedInto, String subCategory, String communityCode,
                            String communityName, String streetCode, String streetName, String actorRole,
                            String routingRule, String handlingUnitName, Instant acceptBy,
                            VisitResolution visitResolution, VisitSatisfaction visitSatisfaction, String description,
                            Integer extensionWorkingDays, List<String> photoIds, String caseNumber) {
        this(caseId, sequence, action, fromState, toState, districtCode, districtName, gridCode, category, source,
                reportedAt, dueAt, occurredAt, actor, handlingUnit, level, reworkCount, reason, closedAt, onTime,
                mergedInto, subCategory, communityCode, communityName, streetCode, streetName, actorRole,
                routingRule, handlingUnitName, acceptBy, visitResolution, visitSatisfaction, description,
                extensionWorkingDays, photoIds, caseNumber, null);
    }

    /** Where the case lies, as one value. */
    public AreaPath area() {
        return new AreaPath(districtCode, districtName, streetCode, streetName, communityCode, communityName, gridCode);
    }
}
