package io.gridloop.intake.grid;

import io.gridloop.contracts.event.GeoPoint;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Reads and checks a registry import, in the files administrators have: CSV by RFC 4180 (quoted fields, as
 * Excel writes them) in UTF-8 with or without BOM or in GB18030/GBK (Excel on Chinese Windows), an .xlsx
 * workbook, JSON rows, or GeoJSON features for outlines. The CSV and workbook header names the columns, in
 * English or Chinese ({@code code,name,status,latitude,longitude} or {@code 编码,名称,状态,纬度,经度}); status,
 * latitude and longitude may be left out or empty. Problems are collected per line, naming the column, so an
 * administrator fixes a whole file in one go; a file with any problem imports nothing.
 */
final class RegistryFile {

    /** One row as sent. */
    record Row(int line, String code, String name, String status, Double latitude, Double longitude,
               List<GeoPoint> polygon) {
    }

    /** A problem on a line (0 = the file as a whole). */
    record Problem(int line, String field, String message) {
    }

    record Checked(List<GridArea> areas, List<Problem> problems) {
    }

    /** The columns and the header names each may have, and how an administrator's file names it in Chinese. */
    private enum Column {
        CODE("编码", "code", "编码", "区域编码", "网格编码"),
        NAME("名称", "name", "名称", "区域名称", "网格名称"),
        STATUS("状态", "status", "状态"),
        LATITUDE("纬度", "latitude", "lat", "纬度"),
        LONGITUDE("经度", "longitude", "lon", "lng", "long", "经度");

        final String label;
        final List<String> names;

        Column(String label, String... names) {
            this.label = label;
            this.names = List.of(names);
        }

        String field() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Column named(String header) {
            String h = header.replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT);
            for (Column c : values()) {
                if (c.names.contains(h)) {
                    return c;
                }
            }
            return null;
        }
    }

    private static final String HEADER = "code,name,status,latitude,longitude";

    private RegistryFile() {
    }

    /**
     * The text of an uploaded CSV: UTF-8 when it has a byte-order mark or decodes as UTF-8, else GB18030 (a
     * superset of GBK and GB2312, what Excel on Chinese Windows saves "CSV" in).
     */
    static String decode(byte[] bytes) {
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
            return new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException notUtf8) {
            return new String(bytes, Charset.forName("GB18030"));
        }
    }

    static List<Row> parseCsv(Reader csv, List<Problem> problems) {
        CSVFormat format = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).setTrim(true).get();
        try (CSVParser parser = CSVParser.parse(csv, format)) {
            // The line a record ends on: where an administrator finds it in an editor.
            return table(parser.stream().map(r -> new Line((int) parser.getCurrentLineNumber(), r.toList())),
                    "首行须为表头 " + HEADER + "（或 编码,名称,状态,纬度,经度）", problems);
        } catch (IOException | UncheckedIOException e) {
            problems.add(new Problem(0, null, "不是有效的 CSV 文件：" + e.getMessage()));
            return List.of();
        }
    }

    /** The first sheet of an .xlsx workbook, its first row the header. */
    static List<Row> parseXlsx(InputStream xlsx, List<Problem> problems) {
        try (Workbook book = new XSSFWorkbook(xlsx)) {
            DataFormatter text = new DataFormatter(Locale.ROOT);
            List<Line> lines = new ArrayList<>();
            for (org.apache.poi.ss.usermodel.Row r : book.getSheetAt(0)) {
                List<String> cells = new ArrayList<>();
                for (int i = 0; i < Math.max(0, r.getLastCellNum()); i++) {
                    cells.add(text.formatCellValue(r.getCell(i)).strip());
                }
                lines.add(new Line(r.getRowNum() + 1, cells));
            }
            return table(lines.stream(), "工作表首行须为表头 编码,名称,状态,纬度,经度", problems);
        } catch (IOException | RuntimeException e) {
            problems.add(new Problem(0, null, "不是有效的 Excel (.xlsx) 文件：" + e.getMessage()));
            return List.of();
        }
    }

    /** A line of a CSV file or a workbook's sheet: its number as the administrator sees it, and its cells. */
    private record Line(int number, List<String> cells) {
    }

    /** A header line naming the columns, then a row per line that is not blank. */
    private static List<Row> table(Stream<Line> lines, String noHeader, List<Problem> problems) {
        List<Row> rows = new ArrayList<>();
        Map<Column, Integer> columns = null;
        for (Line line : (Iterable<Line>) lines::iterator) {
            if (columns == null) {
                columns = header(line.cells(), problems);
                if (columns == null) {
                    return rows;
                }
            } else if (!line.cells().stream().allMatch(String::isBlank)) {
                rows.add(row(line.number(), line.cells(), columns, problems));
            }
        }
        if (columns == null) {
            problems.add(new Problem(1, null, noHeader));
        }
        return rows;
    }

    /**
     * GeoJSON (RFC 7946): a FeatureCollection whose features carry {@code code}, {@code name} and optionally
     * {@code status} as properties, and a Polygon (its outer ring becomes the outline) or a Point (the centre).
     */
    static List<Row> parseGeoJson(JsonNode doc, List<Problem> problems) {
        List<Row> rows = new ArrayList<>();
        JsonNode features = doc.path("features");
        if (!"FeatureCollection".equals(doc.path("type").asString("")) || !features.isArray()) {
            problems.add(new Problem(0, null, "须为 GeoJSON FeatureCollection"));
            return rows;
        }
        for (int i = 0; i < features.size(); i++) {
            int number = i + 1;
            JsonNode f = features.get(i);
            JsonNode props = f.path("properties");
            JsonNode geometry = f.path("geometry");
            String type = geometry.path("type").asString("");
            List<GeoPoint> outline = List.of();
            Double lat = null;
            Double lon = null;
            switch (type) {
                case "Polygon" -> {
                    JsonNode ring = geometry.path("coordinates").path(0);
                    List<GeoPoint> points = new ArrayList<>();
                    for (JsonNode c : ring) {
                        points.add(new GeoPoint(c.path(1).asDouble(), c.path(0).asDouble()));
                    }
                    if (points.size() > 1 && points.getFirst().equals(points.getLast())) {
                        points.removeLast();  // GeoJSON closes its rings; the registry does not
                    }
                    outline = points;
                }
                case "Point" -> {
                    lon = geometry.path("coordinates").path(0).asDouble();
                    lat = geometry.path("coordinates").path(1).asDouble();
                }
                case "" -> { }
                default -> problems.add(new Problem(number, "geometry",
                        "第" + number + "个要素的几何类型 " + type + " 不支持，须为 Polygon 或 Point"));
            }
            rows.add(new Row(number, text(props, "code"), text(props, "name"), text(props, "status"), lat, lon,
                    outline));
        }
        return rows;
    }

    private static String text(JsonNode props, String field) {
        JsonNode v = props.path(field);
        return v.isMissingNode() || v.isNull() ? null : v.asString();
    }

    private static Map<Column, Integer> header(List<String> cells, List<Problem> problems) {
        Map<Column, Integer> columns = new EnumMap<>(Column.class);
        for (int i = 0; i < cells.size(); i++) {
            Column c = Column.named(cells.get(i));
            if (c != null) {
                columns.putIfAbsent(c, i);
            }
        }
        if (!columns.containsKey(Column.CODE) || !columns.containsKey(Column.NAME)) {
            problems.add(new Problem(1, null, "首行须为表头 " + HEADER + "（或 编码,名称,状态,纬度,经度），至少含编码和名称两列"));
            return null;
        }
        return columns;
    }

    private static Row row(int line, List<String> cells, Map<Column, Integer> columns, List<Problem> problems) {
        return new Row(line, cell(cells, columns, Column.CODE), cell(cells, columns, Column.NAME),
                cell(cells, columns, Column.STATUS), number(cell(cells, columns, Column.LATITUDE), line,
                Column.LATITUDE, problems), number(cell(cells, columns, Column.LONGITUDE), line, Column.LONGITUDE,
                problems), List.of());
    }

    private static String cell(List<String> cells, Map<Column, Integer> columns, Column column) {
        Integer at = columns.get(column);
        return at == null || at >= cells.size() ? "" : cells.get(at).strip();
    }

    private static Double number(String s, int line, Column column, List<Problem> problems) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return Double.valueOf(s.strip());
        } catch (NumberFormatException e) {
            problems.add(new Problem(line, column.field(), "第" + line + "行「" + column.label + "」列不是数字：" + s));
            return null;
        }
    }

    /**
     * Checks rows against each other and against the areas already registered ({@code known}), and turns them
     * into areas. Every area's parent must exist, in the file or already.
     */
    static Checked check(List<Row> rows, Predicate<String> known, java.time.Instant now, List<Problem> problems) {
        Map<String, Integer> seen = new HashMap<>();
        List<GridArea> areas = new ArrayList<>();
        for (Row r : rows) {
            if (r.code() == null || !r.code().matches("\\d{6}|\\d{9}|\\d{12}|\\d{15}")) {
                problems.add(new Problem(r.line(), "code", "编码须为6位区县、9位街道、12位社区或15位网格编码: " + r.code()));
                continue;
            }
            Integer earlier = seen.putIfAbsent(r.code(), r.line());
            if (earlier != null) {
                problems.add(new Problem(r.line(), "code", "编码 " + r.code() + " 与第" + earlier + "行重复"));
            }
            if (r.name() == null || r.name().isBlank() || r.name().length() > 100) {
                problems.add(new Problem(r.line(), "name", "名称不能为空且不超过100字"));
            }
            GridArea.Status status;
            try {
                status = r.status() == null || r.status().isBlank() ? GridArea.Status.ACTIVE
                        : GridArea.Status.valueOf(r.status().toUpperCase());
            } catch (IllegalArgumentException e) {
                problems.add(new Problem(r.line(), "status", "状态须为 ACTIVE 或 RETIRED: " + r.status()));
                continue;
            }
            GeoPoint centroid = null;
            if ((r.latitude() == null) != (r.longitude() == null)) {
                problems.add(new Problem(r.line(), "latitude", "经纬度须同时给出或同时为空"));
            } else if (r.latitude() != null) {
                if (Math.abs(r.latitude()) > 90 || Math.abs(r.longitude()) > 180) {
                    problems.add(new Problem(r.line(), "latitude", "经纬度超出范围"));
                } else {
                    centroid = new GeoPoint(r.latitude(), r.longitude());
                }
            }
            if (!r.polygon().isEmpty() && r.polygon().size() < 3) {
                problems.add(new Problem(r.line(), "polygon", "边界至少需要3个点"));
            } else if (centroid == null && !r.polygon().isEmpty()) {
                // An outline alone (a GIS export): its centre is where a map puts the area's name and a report
                // nearby still finds it.
                centroid = Geo.centreOf(r.polygon());
            }
            areas.add(new GridArea(r.code(), r.name() == null ? null : r.name().strip(), status, centroid,
                    r.polygon(), now));
        }
        for (GridArea a : areas) {
            String parent = a.parentCode();
            if (parent != null && !seen.containsKey(parent) && !known.test(parent)) {
                problems.add(new Problem(seen.get(a.code()), "code", "上级区域 " + parent + " 不存在"));
            }
        }
        if (rows.isEmpty() && problems.isEmpty()) {
            problems.add(new Problem(0, null, "文件中没有区域"));
        }
        return new Checked(areas, problems);
    }
}
