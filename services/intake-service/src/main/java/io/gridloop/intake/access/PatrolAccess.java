package io.gridloop.intake.access;

import io.gridloop.platform.problem.Refusal;
import io.gridloop.platform.security.Caller;

import java.util.List;

import static io.gridloop.platform.security.Role.GRID_WORKER;
import static io.gridloop.platform.security.Role.OPERATOR;
import static io.gridloop.platform.security.Role.SUPERVISOR;

/**
 * Whose patrols a caller may record and see. A grid worker records their own patrols, in their own grids, and
 * nobody records for them (a patrol is the worker's own work, which they are assessed by); the centres and
 * supervisors of an area read the patrols made in it; another grid worker does not.
 */
public final class PatrolAccess {

    private PatrolAccess() {
    }

    public static void checkMayRecord(Caller caller, String gridCode) {
        if (!caller.has(GRID_WORKER)) {
            throw Caller.forbidden("巡查走访由网格员本人记录");
        }
        if (!caller.can(GRID_WORKER, gridCode)) {
            throw Caller.outsideArea(gridCode);
        }
    }

    public static boolean maySee(Caller caller, String workerId, String gridCode) {
        return caller.id().equals(workerId) || caller.can(OPERATOR, gridCode) || caller.can(SUPERVISOR, gridCode);
    }

    /** The areas whose patrols by anyone the caller may list (area-code prefixes); empty: only their own. */
    public static List<String> othersPatrols(Caller caller) {
        return caller.hasAny(OPERATOR, SUPERVISOR) ? caller.areas() : List.of();
    }

    /** 404, as for a record that does not exist: its existence is not told to those who may not see it. */
    public static Refusal notFound(String patrolId) {
        return Refusal.notFound("PATROL_NOT_FOUND", "巡查记录不存在", "没有编号为 " + patrolId + " 的巡查走访记录");
    }
}
