package io.gridloop.stats.export;

import java.util.List;

/**
 * A table to export, independent of the format: a title, column headers in Chinese, and rows of typed values
 * so each format can render them properly (a rate is a percentage in Excel, "96.5%" in CSV).
 */
public record Sheet(String title, List<Column> columns, List<List<Object>> rows) {

    public enum Kind { TEXT, COUNT, RATE, HOURS }

    public record Column(String header, Kind kind) {
    }
}
