package io.gridloop.dispatch.routing;

import io.gridloop.contracts.event.EventReported;

/**
 * 分流: picks the unit that handles a case. For now every event goes to its district's grid centre; rules by
 * sub-category, level and area replace this when routing is built. Escalation goes to the centre one level up,
 * whose area code is a prefix of the grid code (street 9 digits, community 12, city = the district's first four
 * digits + "00").
 */
public final class Router {

    private Router() {
    }

    public static HandlingUnit route(EventReported event) {
        return centre(HandlingLevel.DISTRICT, event.gridCode(), event.districtCode(), event.districtName());
    }

    /** The grid centre of {@code level} for the area of {@code gridCode}. */
    public static HandlingUnit centre(HandlingLevel level, String gridCode, String districtCode, String districtName) {
        return switch (level) {
            case GRID -> new HandlingUnit(gridCode, districtName + "网格 " + gridCode, level);
            case COMMUNITY -> new HandlingUnit(gridCode.substring(0, 12),
                    districtName + "社区（村）网格工作站 " + gridCode.substring(0, 12), level);
            case STREET -> new HandlingUnit(gridCode.substring(0, 9),
                    districtName + "街道（乡镇）网格化服务管理中心 " + gridCode.substring(0, 9), level);
            case DISTRICT -> new HandlingUnit(districtCode, districtName + "网格化服务管理中心", level);
            case CITY -> new HandlingUnit(districtCode.substring(0, 4) + "00", "市网格化服务管理中心", level);
        };
    }
}
