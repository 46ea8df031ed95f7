package io.gridloop.stats.export;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * RFC 4180 CSV in UTF-8 with a byte-order mark: without it, Excel on a Chinese Windows reads the file as GBK
 * and the headers turn to mojibake.
 */
public final class CsvExport {

    private CsvExport() {
    }

    public static byte[] write(Sheet sheet) {
        StringBuilder out = new StringBuilder("\uFEFF");
        line(out, sheet.columns().stream().map(Sheet.Column::header).toList());
        for (List<Object> row : sheet.rows()) {
            List<String> cells = new java.util.ArrayList<>(row.size());
            for (int i = 0; i < row.size(); i++) {
                cells.add(format(row.get(i), sheet.columns().get(i).kind()));
            }
            line(out, cells);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    static String format(Object value, Sheet.Kind kind) {
        if (value == null) {
            return "";
        }
        return switch (kind) {
            case RATE -> String.format(Locale.ROOT, "%.1f%%", ((Number) value).doubleValue() * 100);
            case DECIMAL -> String.format(Locale.ROOT, "%.1f", ((Number) value).doubleValue());
            default -> value.toString();
        };
    }

    private static void line(StringBuilder out, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(quote(cells.get(i)));
        }
        out.append("\r\n");
    }

    /**
     * Quotes where RFC 4180 needs it, and defuses text a spreadsheet would run as a formula (CSV injection):
     * area names come from data files other people edit.
     */
    static String quote(String cell) {
        String c = cell;
        if (!c.isEmpty() && "=+-@\t\r".indexOf(c.charAt(0)) >= 0 && !c.matches("-?\\d+(\\.\\d+)?%?")) {
            c = "'" + c;
        }
        if (c.contains(",") || c.contains("\"") || c.contains("\n") || c.contains("\r")) {
            return "\"" + c.replace("\"", "\"\"") + "\"";
        }
        return c;
    }
}
