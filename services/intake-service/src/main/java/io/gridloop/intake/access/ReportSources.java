package io.gridloop.intake.access;

import io.gridloop.platform.problem.Refusal;
import io.gridloop.contracts.event.ReportSource;
import io.gridloop.platform.security.Caller;

import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;

import static io.gridloop.platform.security.Role.GRID_WORKER;
import static io.gridloop.platform.security.Role.OPERATOR;
import static io.gridloop.platform.security.Role.REPORTER_APP;

/**
 * Which source a report through the report API has. It follows from who reports, never from what they claim:
 * the source decides how a case is counted (a 12345 complaint, a patrol find) and 12345 orders carry the
 * hotline's own deadline, so a caller who could choose it could hide a case from the overdue list or count it as
 * a complaint.
 *
 * <ul>
 *   <li>a grid worker: 网格员巡查;</li>
 *   <li>a reporting channel's back end: the sources its client is set up for (claim {@code channel});</li>
 *   <li>a dispatch centre: 来电 or 来访, the ways residents reach it.</li>
 * </ul>
 * 12345 orders come only from the hotline bridge (as the 12345 reporter, with the hotline's deadline) and Open311
 * requests only through the Open311 endpoint: no caller of the report API may claim either.
 */
public final class ReportSources {

    /** The reporter id of 12345 orders, which only the bridge's orders use. */
    public static final String HOTLINE_REPORTER = "12345";

    private static final Set<ReportSource> OWN_INTERFACES = EnumSet.of(ReportSource.HOTLINE_12345,
            ReportSource.OPEN311);

    private ReportSources() {
    }

    /** The sources this caller may report as, the default first. */
    public static Set<ReportSource> allowed(Caller caller) {
        Set<ReportSource> allowed = new LinkedHashSet<>();
        if (caller.has(REPORTER_APP)) {
            for (String channel : caller.channels()) {
                for (ReportSource source : ReportSource.values()) {
                    if (source.name().equals(channel) && !OWN_INTERFACES.contains(source)) {
                        allowed.add(source);
                    }
                }
            }
        }
        if (caller.has(GRID_WORKER)) {
            allowed.add(ReportSource.GRID_PATROL);
        }
        if (caller.has(OPERATOR)) {
            allowed.add(ReportSource.PHONE_CALL);
            allowed.add(ReportSource.WALK_IN);
        }
        return allowed;
    }

    /**
     * The source of a report {@code caller} files, naming {@code requested} or none.
     *
     * @throws Refusal 422 {@code SOURCE_NOT_ALLOWED} for a source the caller may not report as
     */
    public static ReportSource decide(Caller caller, ReportSource requested) {
        Set<ReportSource> allowed = allowed(caller);
        if (requested == null && !allowed.isEmpty()) {
            return allowed.iterator().next();
        }
        if (requested != null && allowed.contains(requested)) {
            return requested;
        }
        String may = allowed.isEmpty() ? "无（上报渠道未在登录服务中配置渠道类型 channel）"
                : allowed.stream().map(s -> s.label() + "（" + s.name() + "）").collect(Collectors.joining("、"));
        String why = requested != null && OWN_INTERFACES.contains(requested)
                ? "「" + requested.label() + "」只能经其专用接口进入，不能通过上报接口提交。"
                : "";
        throw Refusal.invalid("SOURCE_NOT_ALLOWED", "上报来源不符",
                why + "当前账号可用的上报来源：" + may).with("field", "source");
    }

    /**
     * A reporter id a caller may name: {@value #HOTLINE_REPORTER} belongs to the 12345 orders alone, since with
     * an order number as {@code clientEventId} it would take that order's place.
     */
    public static void checkReporterId(String reporterId) {
        if (HOTLINE_REPORTER.equals(reporterId == null ? null : reporterId.strip())) {
            throw Refusal.invalid("RESERVED_REPORTER", "上报人编号保留",
                    "上报人编号 " + HOTLINE_REPORTER + " 专用于12345热线工单").with("field", "reporterId");
        }
    }
}
