package io.gridloop.stats.access;

import io.gridloop.platform.security.Caller;

/**
 * Statistics of an area are read by the supervisors and dispatch centres of that area (or of an area around
 * it). A table under a parent the caller has nothing in is refused; a table that reaches past the caller's
 * areas shows only the rows inside them.
 */
public final class AreaAccess {

    private AreaAccess() {
    }

    /** The caller, if {@code areaCode} lies inside their areas; 403 otherwise. */
    public static Caller checkCovered(String areaCode) {
        Caller caller = Caller.current();
        if (!caller.covers(areaCode)) {
            throw Caller.outsideArea(areaCode);
        }
        return caller;
    }

    /** The caller, if a table under {@code parent} (absent: everywhere) can hold any area of theirs; 403 otherwise. */
    public static Caller checkParent(String parent) {
        Caller caller = Caller.current();
        if (parent != null && !caller.overlaps(parent)) {
            throw Caller.outsideArea(parent);
        }
        return caller;
    }
}
