package io.gridloop.dispatch.routing;

import io.gridloop.contracts.area.AreaPath;
import io.gridloop.contracts.area.AreaLevel;

/**
 * Where a routing rule sends a case.
 *
 * <ul>
 *   <li>{@code CENTRE}: the grid centre of the case's own area at {@code level}, or at the case's current level
 *       when {@code level} is absent (community station, street centre, district centre…)</li>
 *   <li>{@code DEPARTMENT}: a functional department of the case's district (水务局, 燃气公司…), named by
 *       {@code department} (a code) and {@code name}; its unit code is {@code <district code>-<department>}</li>
 *   <li>{@code UNIT}: one fixed unit, {@code code}/{@code name}/{@code level}</li>
 * </ul>
 */
public record RuleTarget(Kind kind, AreaLevel level, String department, String code, String name) {

    public enum Kind {
        CENTRE, DEPARTMENT, UNIT
    }

    public static RuleTarget centre() {
        return new RuleTarget(Kind.CENTRE, null, null, null, null);
    }

    public static RuleTarget department(String department, String name) {
        return new RuleTarget(Kind.DEPARTMENT, null, department, null, name);
    }

    /** The unit code of this department in {@code districtCode}: {@code 150105-WATER}. */
    public String departmentCode(String districtCode) {
        return districtCode + "-" + department;
    }

    HandlingUnit resolve(AreaPath area, AreaLevel caseLevel) {
        return switch (kind) {
            case CENTRE -> GridCentres.centre(level != null ? level : caseLevel, area);
            case DEPARTMENT -> new HandlingUnit(departmentCode(area.districtCode()), area.districtName() + name,
                    AreaLevel.DISTRICT);
            case UNIT -> new HandlingUnit(code, name, level);
        };
    }
}
