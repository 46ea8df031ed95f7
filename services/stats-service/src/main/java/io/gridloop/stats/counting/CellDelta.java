package io.gridloop.stats.counting;

import java.util.Map;

/** Field changes of one cell: {@code <CATEGORY>|<SOURCE>.<measure>} (or {@code .h.<bucket>}) → amount. */
public record CellDelta(CellKey cell, Map<String, Long> fields) {
}
