package io.gridloop.intake.grid;

import io.gridloop.platform.security.Caller;
import io.gridloop.contracts.event.GeoPoint;
import io.gridloop.contracts.event.HandlingLevel;
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

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

/** The grid registry for administrators (import) and for apps (looking areas up, walking down the levels). */
@RestController
class GridRegistryController {

    private final GridRegistry registry;

    GridRegistryController(GridRegistry registry) {
        this.registry = registry;
    }

    /** One area in a JSON import. */
    record AreaRequest(String code, String name, String status, GeoPoint centroid, List<GeoPoint> polygon) {
    }

    record AreaView(String code, String name, HandlingLevel level, String levelLabel, String parentCode,
                    GridArea.Status status, GeoPoint centroid, List<GeoPoint> polygon) {
        static AreaView of(GridArea a) {
            return new AreaView(a.code(), a.name(), a.level(), a.level().label(), a.parentCode(), a.status(),
                    a.centroid(), a.polygon());
        }
    }

    record AreaPage(String parentCode, int page, int size, long total, List<AreaView> items) {
    }

    @PostMapping(path = "/api/v1/admin/grid-registry", consumes = "text/csv")
    GridRegistry.ImportResult importCsv(@RequestBody String csv) {
        List<RegistryFile.Problem> problems = new ArrayList<>();
        List<RegistryFile.Row> rows = RegistryFile.parseCsv(new StringReader(csv), problems);
        checkWithinReach(rows);
        return registry.importRows(rows, problems);
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
        checkWithinReach(rows);
        return registry.importRows(rows, new ArrayList<>());
    }

    @GetMapping("/api/v1/areas/{code}")
    AreaView area(@PathVariable String code) {
        return registry.find(code).map(AreaView::of).orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND,
                "AREA_NOT_FOUND", "区域不存在", "网格库中没有编码为 " + code + " 的区域"));
    }

    /** The streets of a district, the communities of a street, the grids of a community. */
    @GetMapping("/api/v1/areas/{code}/children")
    AreaPage children(@PathVariable String code,
                      @RequestParam(defaultValue = "0") @Min(value = 0, message = "不能小于0") int page,
                      @RequestParam(defaultValue = "50") @Min(value = 1, message = "不能小于1")
                      @Max(value = 500, message = "不能大于500") int size) {
        area(code);
        List<GridArea> all = registry.children(code);
        List<AreaView> items = all.stream().skip((long) page * size).limit(size).map(AreaView::of).toList();
        return new AreaPage(code, page, size, all.size(), items);
    }
}
