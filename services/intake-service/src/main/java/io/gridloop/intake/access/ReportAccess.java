package io.gridloop.intake.access;

import io.gridloop.platform.problem.Refusal;
import io.gridloop.platform.security.Caller;

import java.util.List;

import static io.gridloop.platform.security.Role.GRID_WORKER;
import static io.gridloop.platform.security.Role.OPERATOR;
import static io.gridloop.platform.security.Role.REPORTER_APP;

/**
 * Whose reports a caller may file and see. A grid worker reports in their own grids and only as themselves; a
 * dispatch centre (taking a report by phone) and a reporting channel (on behalf of citizens) report for anyone
 * in their areas. A report is visible to its reporter, to the centres of its grid, and to the channel that filed
 * it (a citizen app shows its users their own reports — not every report of the city); to anyone else it does
 * not exist.
 */
public final class ReportAccess {

    private ReportAccess() {
    }

    public static void checkMayReport(Caller caller, String gridCode, String reporterId) {
        if (caller.can(OPERATOR, gridCode) || caller.can(REPORTER_APP, gridCode)) {
            return;
        }
        if (caller.can(GRID_WORKER, gridCode)) {
            if (!caller.id().equals(reporterId)) {
                throw Caller.forbidden("网格员只能以本人身份上报：reporterId 应为 " + caller.id());
            }
            return;
        }
        throw Caller.outsideArea(gridCode);
    }

    /**
     * @param submittedBy who filed the report (absent on old reports: then no channel sees it)
     */
    public static boolean maySee(Caller caller, String gridCode, String reporterId, String submittedBy) {
        return caller.id().equals(reporterId) || caller.can(OPERATOR, gridCode)
                || (caller.can(REPORTER_APP, gridCode) && caller.id().equals(submittedBy));
    }

    /** 404, as for a report that does not exist: a report's existence is not told to those who may not see it. */
    public static Refusal notFound(String eventId) {
        return Refusal.notFound("EVENT_NOT_FOUND", "事件不存在", "没有编号为 " + eventId + " 的事件");
    }

    /**
     * Whose reports by someone else the caller may list: a centre's, in its areas, whoever filed them; a channel's,
     * those it filed itself; nobody else's (a grid worker lists their own only).
     *
     * @param areas       area-code prefixes; empty: none
     * @param submittedBy only reports filed by this caller, or null for any
     */
    public record OthersReports(List<String> areas, String submittedBy) {
        public boolean none() {
            return areas.isEmpty();
        }
    }

    public static OthersReports othersReports(Caller caller) {
        if (caller.has(OPERATOR)) {
            return new OthersReports(caller.areas(), null);
        }
        if (caller.has(REPORTER_APP)) {
            return new OthersReports(caller.areas(), caller.id());
        }
        return new OthersReports(List.of(), null);
    }
}
