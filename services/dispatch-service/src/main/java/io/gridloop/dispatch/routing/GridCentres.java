package io.gridloop.dispatch.routing;

import io.gridloop.contracts.area.AreaPath;
import io.gridloop.contracts.area.AreaCode;
import io.gridloop.contracts.area.AreaLevel;

/**
 * The grid centres every area has, one per level. Their codes are the codes of the areas the grid lies in
 * ({@link AreaCode#at}), so a case's centre at any level follows from its grid. Cases no rule routes wait for a person at the district centre's triage desk.
 */
public final class GridCentres {

    private GridCentres() {
    }

    /** The grid centre of {@code level} for {@code area}. */
    public static HandlingUnit centre(AreaLevel level, AreaPath area) {
        AreaCode grid = AreaCode.of(area.gridCode());
        String district = area.districtName();
        return switch (level) {
            case GRID -> new HandlingUnit(grid.value(), district + "网格 " + grid, level);
            case COMMUNITY -> new HandlingUnit(grid.at(level).value(),
                    district + "社区（村）网格工作站 " + grid.at(level), level);
            case STREET -> new HandlingUnit(grid.at(level).value(),
                    district + "街道（乡镇）网格化服务管理中心 " + grid.at(level), level);
            case DISTRICT -> new HandlingUnit(area.districtCode(), district + "网格化服务管理中心", level);
            case CITY -> new HandlingUnit(AreaCode.of(area.districtCode()).city().value(), "市网格化服务管理中心",
                    level);
        };
    }

    /** Where unroutable and returned cases wait for a person to route them (人工分流). */
    public static HandlingUnit triage(AreaPath area) {
        return new HandlingUnit(triageCode(area.districtCode()), area.districtName() + "网格化服务管理中心（人工分流）",
                AreaLevel.DISTRICT);
    }

    public static String triageCode(String districtCode) {
        return districtCode + "-TRIAGE";
    }
}
