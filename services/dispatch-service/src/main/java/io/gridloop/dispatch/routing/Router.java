package io.gridloop.dispatch.routing;

import io.gridloop.contracts.event.HandlingLevel;

/**
 * The grid centres every area has, one per level. Their codes are prefixes of the grid code (community 12
 * digits, street 9, district 6; the city is the district's first four digits + "00"), so a case's centre at any
 * level follows from its grid. Cases no rule routes wait for a person at the district centre's triage desk.
 */
public final class Router {

    private Router() {
    }

    /** The grid centre of {@code level} for {@code area}. */
    public static HandlingUnit centre(HandlingLevel level, CaseArea area) {
        String grid = area.gridCode();
        String district = area.districtName();
        return switch (level) {
            case GRID -> new HandlingUnit(grid, district + "网格 " + grid, level);
            case COMMUNITY -> new HandlingUnit(grid.substring(0, 12),
                    district + "社区（村）网格工作站 " + grid.substring(0, 12), level);
            case STREET -> new HandlingUnit(grid.substring(0, 9),
                    district + "街道（乡镇）网格化服务管理中心 " + grid.substring(0, 9), level);
            case DISTRICT -> new HandlingUnit(area.districtCode(), district + "网格化服务管理中心", level);
            case CITY -> new HandlingUnit(cityOf(area.districtCode()), "市网格化服务管理中心", level);
        };
    }

    /** The city an area lies in, by code: its first four digits + {@code 00} (150105 → 150100). */
    public static String cityOf(String areaCode) {
        return areaCode.substring(0, 4) + "00";
    }

    /** Whether {@code areaCode} is a district or an area inside one — not a province or a city. */
    public static boolean withinDistrict(String areaCode) {
        return areaCode.length() > 6 || (areaCode.length() == 6 && !cityOf(areaCode).equals(areaCode));
    }

    /** Where unroutable and returned cases wait for a person to route them (人工分流). */
    public static HandlingUnit triage(CaseArea area) {
        return new HandlingUnit(triageCode(area.districtCode()), area.districtName() + "网格化服务管理中心（人工分流）",
                HandlingLevel.DISTRICT);
    }

    public static String triageCode(String districtCode) {
        return districtCode + "-TRIAGE";
    }
}
