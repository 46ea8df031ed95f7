package io.gridloop.intake.grid;

import io.gridloop.platform.security.Caller;
import io.gridloop.contracts.event.GeoPoint;
import io.gridloop.contracts.area.AreaLevel;
import io.gridloop.platform.web.ApiException;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

/** The grid registry for administrators (import) and for apps (looking areas up, walking down the levels). */
@RestController
class GridRegistryController {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final GridRegistry registry;

    GridRegistryController(GridRegistry registry) {
        this.registry = registry;
    }

    /** One area in a JSON import. */
    record AreaRequest(String code, String name, String status, GeoPoint centroid, List<GeoPoint> polygon) {
    }

    record AreaView(String code, String name, AreaLevel level, String levelLabel, String parentCode,
                    GridArea.Status status, GeoPoint centroid, List<GeoPoint> polygon) {
        static AreaView of(GridArea a) {
            return new AreaView(a.code(), a.name(), a.level(), a.level().label(), a.parentCode(), a.status(),
                    a.centroid(), a.polygon());
        }
    }

    record AreaPage(String parentCode, int page, int size, long total, List<AreaView> items) {
    }

    /** CSV in UTF-8 (with or without BOM) or GB18030, whatever charset the upload claims: Excel's never says. */
    @PostMapping(path = "/api/v1/admin/grid-registry", consumes = "text/csv")
    GridRegistry.ImportResult importCsv(@RequestBody byte[] csv) {
        List<RegistryFile.Problem> problems = new ArrayList<>();
        List<RegistryFile.Row> rows = RegistryFile.parseCsv(new StringReader(RegistryFile.decode(csv)), problems);
        return importChecked(rows, problems);
    }

    @PostMapping(path = "/api/v1/admin/grid-registry", consumes = XLSX)
    GridRegistry.ImportResult importXlsx(@RequestBody byte[] workbook) {
        List<RegistryFile.Problem> problems = new ArrayList<>();
        List<RegistryFile.Row> rows = RegistryFile.parseXlsx(new ByteArrayInputStream(workbook), problems);
        return importChecked(rows, problems);
    }

    /** Outlines as GeoJSON features (RFC 7946), e.g. exported from a GIS. */
    @PostMapping(path = "/api/v1/admin/grid-registry", consumes = "application/geo+json")
    GridRegistry.ImportResult importGeoJson(@RequestBody byte[] geoJson) {
        JsonNode doc;
        try {
            doc = JsonMapper.builder().build().readTree(geoJson);
        } catch (JacksonException e) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "INVALID_GEOJSON", "GeoJSON 格式错误",
                    "无法解析 GeoJSON：" + e.getOriginalMessage());
        }
        List<RegistryFile.Problem> problems = new ArrayList<>();
        return importChecked(RegistryFile.parseGeoJson(doc, problems), problems);
    }

    private GridRegistry.ImportResult importChecked(List<RegistryFile.Row> rows, List<RegistryFile.Problem> problems) {
        checkWithinReach(rows);
        return registry.importRows(rows, problems, Caller.current().id());
    }

    /** How the last import went, or goes: rows checked and stored of the total, for a page to show. */
    @GetMapping("/api/v1/admin/grid-registry/import")
    GridRegistry.ImportProgress lastImport() {
        return registry.lastImport().orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "NO_IMPORT",
                "尚无导入记录", "网格库还没有导入过文件"));
    }

    /** An administrator changes the registry of their own areas only; one row outside them refuses the file. */
    private static void checkWithinReach(List<RegistryFile.Row> rows) {
        Caller caller = Caller.current();
        List<String> outside = rows.stream().map(RegistryFile.Row::code)
                .filter(code -> code != null && !caller.covers(code)).distinct().limit(20).toList();
        if (!outside.isEmpty()) {
            throw Caller.forbidden("超出管辖范围的区域不能导入：" + String.join("、", outside))
                    .with("outsideAreas", outside);
        }
    }

    @PostMapping(path = "/api/v1/admin/grid-registry", consumes = "application/json")
    GridRegistry.ImportResult importJson(@RequestBody List<AreaRequest> areas) {
        List<RegistryFile.Row> rows = new ArrayList<>();
        for (int i = 0; i < areas.size(); i++) {
            AreaRequest a = areas.get(i);
            rows.add(new RegistryFile.Row(i + 1, a.code(), a.name(), a.status(),
                    a.centroid() == null ? null : a.centroid().latitude(),
                    a.centroid() == null ? null : a.centroid().longitude(), a.polygon() == null ? List.of()
                    : a.polygon()));
        }
        return importChecked(rows, new ArrayList<>());
    }

    /**
     * The grid a position lies in (the phone's position when a grid worker reports): its outline holds the
     * position, else its centre is near. Phones' browsers give WGS-84; Amap, Tencent and WeChat give GCJ-02,
     * Baidu BD-09 ({@code coordinateSystem}).
     */
    @GetMapping("/api/v1/areas/locate")
    AreaView locate(@RequestParam @jakarta.validation.constraints.DecimalMin(value = "-90", message = "纬度超出范围")
                    @jakarta.validation.constraints.DecimalMax(value = "90", message = "纬度超出范围") double latitude,
                    @RequestParam @jakarta.validation.constraints.DecimalMin(value = "-180", message = "经度超出范围")
                    @jakarta.validation.constraints.DecimalMax(value = "180", message = "经度超出范围") double longitude,
                    @RequestParam(required = false) CoordinateSystem coordinateSystem) {
        GeoPoint given = new GeoPoint(latitude, longitude);
        GeoPoint wgs84 = coordinateSystem == null ? given : coordinateSystem.toWgs84(given);
        return registry.locate(wgs84).map(AreaView::of).orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND,
                "NO_GRID_HERE", "该位置不在任何网格内", "网格库中没有包含该位置的网格，请手动选择网格"));
    }

    @GetMapping("/api/v1/areas/{code}")
    AreaView area(@PathVariable String code) {
        return registry.find(code).map(AreaView::of).orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND,
                "AREA_NOT_FOUND", "区域不存在", "网格库中没有编码为 " + code + " 的区域"));
    }

    /**
     * The streets of a district, the communities of a street, the grids of a community — and the districts of a
     * city, named by its four digits ({@code 1501}, as a city-wide person's area reads) or its code ({@code 150100}).
     */
    @GetMapping("/api/v1/areas/{code}/children")
    AreaPage children(@PathVariable String code,
                      @RequestParam(defaultValue = "0") @Min(value = 0, message = "不能小于0") int page,
                      @RequestParam(defaultValue = "50") @Min(value = 1, message = "不能小于1")
                      @Max(value = 500, message = "不能大于500") int size) {
        String city = code.matches("\\d{4}") ? code : code.matches("\\d{4}00") ? code.substring(0, 4) : null;
        List<GridArea> all;
        if (city != null && registry.find(code).isEmpty()) {
            all = registry.districtsOf(city);
            if (all.isEmpty()) {
                area(code);
            }
        } else {
            area(code);
            all = registry.children(code);
        }
        List<AreaView> items = all.stream().skip((long) page * size).limit(size).map(AreaView::of).toList();
        return new AreaPage(code, page, size, all.size(), items);
    }
}
