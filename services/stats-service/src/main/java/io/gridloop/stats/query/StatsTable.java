package io.gridloop.stats.query;

import java.util.List;

/**
 * A table of areas as supervisors ask for it, with what it is about.
 *
 * @param level      the rows' level
 * @param parentName the parent area's name, or 合计 for a whole-city table
 * @param rankedBy   the formula rows are ranked by
 * @param total      the rows summed
 */
public record StatsTable(String level, String levelLabel, String parent, String parentName, String period,
                         String periodLabel, String category, String source, String rankedBy, int minSampleSize,
                         List<AreaFigures> rows, AreaFigures total) {
}
