package io.gridloop.stats.query;

import io.gridloop.contracts.event.EventCategory;
import io.gridloop.contracts.event.ReportSource;

/** The category and source to count; {@code null} for all. */
public record CountFilter(EventCategory category, ReportSource source) {

    public static final CountFilter ALL = new CountFilter(null, null);

    /** Whether a cell's {@code <CATEGORY>|<SOURCE>} entry is counted. */
    boolean matches(String dims) {
        int bar = dims.indexOf('|');
        String c = bar < 0 ? dims : dims.substring(0, bar);
        String s = bar < 0 ? "" : dims.substring(bar + 1);
        return (category == null || category.name().equals(c)) && (source == null || source.name().equals(s));
    }
}
