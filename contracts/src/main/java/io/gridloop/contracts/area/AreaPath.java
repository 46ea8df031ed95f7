package io.gridloop.contracts.area;

/**
 * Where a case lies, every level down from its district (区县 → 街道/乡镇 → 社区/村 → 网格), with the names people
 * read. Events carry these seven fields flat on the wire ({@code EventReported#area()},
 * {@code CaseTransitioned#area()}); inside a service they travel as this one value. Street and community codes and
 * names may be absent on events from before they were carried; the district and grid are always known.
 */
public record AreaPath(String districtCode, String districtName, String streetCode, String streetName,
                       String communityCode, String communityName, String gridCode) {

    /**
     * The path to {@code gridCode}, its codes worked out from the grid's ({@link AreaCode#at}); of the names only the
     * district's is known.
     */
    public static AreaPath ofGrid(String gridCode, String districtName) {
        AreaCode grid = AreaCode.of(gridCode);
        return new AreaPath(grid.at(AreaLevel.DISTRICT).value(), districtName, grid.at(AreaLevel.STREET).value(), null,
                grid.at(AreaLevel.COMMUNITY).value(), null, gridCode);
    }

    /**
     * This path, with the names it lacks taken from {@code earlier} (the same case's path as known before): a later
     * event without names does not forget them.
     */
    public AreaPath keepingNamesOf(AreaPath earlier) {
        if (earlier == null) {
            return this;
        }
        return new AreaPath(districtCode, districtName != null ? districtName : earlier.districtName, streetCode,
                streetName != null ? streetName : earlier.streetName, communityCode,
                communityName != null ? communityName : earlier.communityName, gridCode);
    }
}
