package io.gridloop.platform.security;

import java.util.Arrays;

/**
 * What a signed-in caller may do, from the token's realm roles ({@code realm_access.roles}, Keycloak's claim).
 * People hold the first five; machines signing in with client credentials hold the last two. A caller's
 * reach is further limited by the areas in the token (see {@link Caller#covers}).
 */
public enum Role {
    /** 网格员: reports in their own grids and follows their own reports. */
    GRID_WORKER("网格员"),
    /** 处置部门 / 中心处置单位: works the queue and cases of its own unit (token claim {@code unit}). */
    HANDLER("处置单位"),
    /** 指挥中心（值班长、派遣员）of an area: triage, routing, escalation, review, acting for a unit (代办). */
    OPERATOR("指挥中心"),
    /** 督查考核: reads statistics, dashboards and exports of an area; changes nothing. */
    SUPERVISOR("督查考核"),
    /** 系统管理员: grid registry, routing rules, calendars, the audit trail. */
    ADMIN("系统管理员"),
    /** A reporting channel's back end (群众随手拍, AI cameras): reports on behalf of the people it serves. */
    REPORTER_APP("上报渠道"),
    /** A metrics scraper (Prometheus): reads {@code /actuator/prometheus} and nothing else. */
    MONITOR("监控采集");

    private final String label;

    Role(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The names Spring Security's {@code hasAnyRole} expects. */
    public static String[] names(Role... roles) {
        return Arrays.stream(roles).map(Enum::name).toArray(String[]::new);
    }
}
