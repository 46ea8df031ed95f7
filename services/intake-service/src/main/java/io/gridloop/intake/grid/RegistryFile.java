package io.gridloop.intake.grid;

import io.gridloop.contracts.event.GeoPoint;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Reads and checks a registry import: CSV with the header {@code code,name,status,latitude,longitude} (status,
 * latitude and longitude may be empty), or the same rows as JSON. Problems are collected per line, so an
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

    private static final String HEADER = "code,name,status,latitude,longitude";

    private RegistryFile() {
    }

    static List<Row> parseCsv(Reader csv, List<Problem> problems) {
        List<Row> rows = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(csv)) {
            String header = in.readLine();
            if (header == null || !header.strip().replace("\uFEFF", "").equalsIgnoreCase(HEADER)) {
                problems.add(new Problem(1, null, "首行须为表头 " + HEADER));
                return rows;
            }
            String line;
            int number = 1;
            while ((line = in.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split(",", -1);
                if (f.length != 5) {
                    problems.add(new Problem(number, null, "应有5列，实有" + f.length + "列"));
                    continue;
                }
                Double lat = number(f[3], number, "latitude", problems);
                Double lon = number(f[4], number, "longitude", problems);
                rows.add(new Row(number, f[0].strip(), f[1].strip(), f[2].strip(), lat, lon, List.of()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    private static Double number(String s, int line, String field, List<Problem> problems) {
        if (s.isBlank()) {
            return null;
        }
        try {
            return Double.valueOf(s.strip());
        } catch (NumberFormatException e) {
            problems.add(new Problem(line, field, "不是数字: " + s));
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
