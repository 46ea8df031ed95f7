package io.gridloop.stats.export;

import java.util.List;

/**
 * A table to export, independent of the format: a title, column headers in Chinese, and rows of typed values
 * so each format can render them properly (a rate is a percentage in Excel, "96.5%" in CSV).
 *
 * @param name    the tab's name in a workbook
 * @param heading lines above the table in a workbook: the title, who made it, when, as of when
 */
public record Sheet(String title, String name, List<String> heading, List<Column> columns, List<List<Object>> rows) {

    public Sheet {
        heading = heading == null ? List.of() : List.copyOf(heading);
    }

    public Sheet(String title, List<Column> columns, List<List<Object>> rows) {
        this(title, title, List.of(), columns, rows);
    }

    /** How a column's values are written: text, a whole number, a rate (as a percentage), a number to one decimal. */
    public enum Kind { TEXT, COUNT, RATE, DECIMAL }

    public record Column(String header, Kind kind) {
    }
}
