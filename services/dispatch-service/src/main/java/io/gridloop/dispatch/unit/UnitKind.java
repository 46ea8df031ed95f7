package io.gridloop.dispatch.unit;

import io.gridloop.contracts.area.AreaLevel;

/**
 * What kind of handling unit (处置单位) a directory entry is: the grid itself (its grid workers), the grid centre
 * of a community, street, district or city, or a functional department (职能部门: 水务局, 燃气公司…).
 */
public enum UnitKind {
    GRID("网格"),
    COMMUNITY_CENTRE("社区（村）网格工作站"),
    STREET_CENTRE("街道（乡镇）网格化服务管理中心"),
    DISTRICT_CENTRE("区县网格化服务管理中心"),
    CITY_CENTRE("市网格化服务管理中心"),
    DEPARTMENT("职能部门");

    private final String label;

    UnitKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The centre that runs the grid work of an area of {@code level}. */
    public static UnitKind centreOf(AreaLevel level) {
        return switch (level) {
            case GRID -> GRID;
            case COMMUNITY -> COMMUNITY_CENTRE;
            case STREET -> STREET_CENTRE;
            case DISTRICT -> DISTRICT_CENTRE;
            case CITY -> CITY_CENTRE;
        };
    }

    public boolean centre() {
        return this != DEPARTMENT;
    }
}
