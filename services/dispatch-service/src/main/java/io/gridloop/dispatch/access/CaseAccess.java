package io.gridloop.dispatch.access;

import io.gridloop.dispatch.casestore.CaseFiles;
import io.gridloop.platform.problem.Refusal;
import io.gridloop.contracts.area.AreaLevel;
import io.gridloop.contracts.area.AreaCode;
import io.gridloop.contracts.event.CaseAction;
import io.gridloop.dispatch.lifecycle.CaseFile;
import io.gridloop.platform.security.Caller;
import io.gridloop.platform.security.Role;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import static io.gridloop.platform.security.Role.GRID_WORKER;
import static io.gridloop.platform.security.Role.HANDLER;
import static io.gridloop.platform.security.Role.OPERATOR;
import static io.gridloop.platform.security.Role.SUPERVISOR;

/**
 * Who may see and act on a case. The dispatch centre of the case's area sees it and may take every action,
 * including a unit's own (代办, e.g. feedback a department phoned in); a supervisor of the area reads it; the
 * unit handling it sees it and takes the unit's actions (签收, 指派, 受理, 退单, 反馈, 申请延期, 上报上级) — where
 * the unit is a grid (小事不出网格), its grid workers are that unit. Everyone else is told the case does not exist.
 */
public final class CaseAccess {

    /** What the unit working a case may do itself; the rest (routing, review, closing…) is the centre's. */
    static final Set<CaseAction> UNIT_ACTIONS = EnumSet.of(CaseAction.CLAIM, CaseAction.ASSIGN, CaseAction.ACCEPT,
            CaseAction.RETURN, CaseAction.FEEDBACK, CaseAction.REQUEST_EXTENSION, CaseAction.ESCALATE);

    /**
     * Judging a unit's work: never by the unit itself, even where one account is both a centre and the handling
     * unit (a street centre that dispatches and handles) — the loop's review exists to be someone else's.
     */
    static final Set<CaseAction> REVIEW_ACTIONS = EnumSet.of(CaseAction.CLOSE, CaseAction.REWORK,
            CaseAction.APPROVE_EXTENSION, CaseAction.REJECT_EXTENSION);

    private CaseAccess() {
    }

    /** The most precise area code the case has: its grid, else community, street, district. */
    public static String areaOf(CaseFile c) {
        if (c.area().gridCode() != null) {
            return c.area().gridCode();
        }
        if (c.area().communityCode() != null) {
            return c.area().communityCode();
        }
        return c.area().streetCode() != null ? c.area().streetCode() : c.area().districtCode();
    }

    /**
     * Whether the caller works for {@code unitCode}: a handler of the unit, or — the unit being a grid (its code is
     * the grid's 15 digits) — a grid worker of that grid.
     */
    public static boolean worksFor(Caller caller, String unitCode) {
        return caller.handles(unitCode) || (caller.has(GRID_WORKER) && caller.areas().contains(unitCode)
                && AreaCode.parse(unitCode).filter(c -> c.level() == AreaLevel.GRID).isPresent());
    }

    public static boolean maySee(Caller caller, CaseFile c) {
        String area = areaOf(c);
        return caller.can(OPERATOR, area) || caller.can(SUPERVISOR, area) || worksFor(caller, c.handling().unitCode());
    }

    /** The case, if the caller may see it; 404 otherwise. */
    public static CaseFile visible(Caller caller, CaseFile c) {
        if (!maySee(caller, c)) {
            throw CaseFiles.notFound(c.id());
        }
        return c;
    }

    /**
     * The role in which the caller may take {@code action} on the case as it is now: OPERATOR where the caller is
     * the area's centre, else HANDLER for the unit's own actions; empty if they may not take it at all.
     */
    public static Optional<Role> roleIfAllowed(Caller caller, CaseAction action, CaseFile c) {
        if (REVIEW_ACTIONS.contains(action) && worksFor(caller, c.handling().unitCode())) {
            return Optional.empty();
        }
        if (caller.can(OPERATOR, areaOf(c))) {
            return Optional.of(OPERATOR);
        }
        if (worksFor(caller, c.handling().unitCode()) && UNIT_ACTIONS.contains(action)) {
            return Optional.of(caller.handles(c.handling().unitCode()) ? HANDLER : GRID_WORKER);
        }
        return Optional.empty();
    }

    /**
     * As {@link #roleIfAllowed}, for an action asked for: 403 saying who may take it if the caller sees the case
     * but may not do this, 404 if they may not see it.
     */
    public static Role roleFor(Caller caller, CaseAction action, CaseFile c) {
        return roleIfAllowed(caller, action, c).orElseThrow(() -> {
            if (!maySee(caller, c)) {
                return CaseFiles.notFound(c.id());
            }
            if (REVIEW_ACTIONS.contains(action) && worksFor(caller, c.handling().unitCode())) {
                return Caller.forbidden("「" + action.label() + "」须由承办单位以外的指挥中心复核，不能复核本单位办理的案件");
            }
            return Caller.forbidden("「" + action.label() + "」须由" + (UNIT_ACTIONS.contains(action)
                    ? "承办单位或" : "") + "指挥中心操作");
        });
    }

    /** A unit's queue: the unit's own handlers (a grid's workers) and the centres over its area. */
    /** Whether the caller may read the cases of {@code area} as lists: its dispatch centre and its supervisors. */
    public static void checkMayReadArea(Caller caller, String area) {
        if (!caller.can(OPERATOR, area) && !caller.can(SUPERVISOR, area)) {
            throw Caller.outsideArea(area);
        }
    }

    public static void checkMayReadQueue(Caller caller, String unitCode) {
        if (worksFor(caller, unitCode) || caller.can(OPERATOR, areaOfUnit(unitCode))) {
            return;
        }
        throw Caller.forbidden("只能查看本单位或本区域单位的待办");
    }

    /** A unit's area: a centre's code is its area; a department's code starts with its district's. */
    static String areaOfUnit(String unitCode) {
        int dash = unitCode.indexOf('-');
        return dash < 0 ? unitCode : unitCode.substring(0, dash);
    }
}
