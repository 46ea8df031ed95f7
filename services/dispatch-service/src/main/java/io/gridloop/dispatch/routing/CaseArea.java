package io.gridloop.dispatch.routing;

/** Where a case is: its grid and the district that grid lies in. Street and community codes are prefixes. */
public record CaseArea(String gridCode, String districtCode, String districtName) {
}
