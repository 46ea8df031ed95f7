package io.gridloop.intake.grid;

import io.gridloop.platform.problem.Refusal;
import io.gridloop.contracts.area.AreaLevel;
import io.gridloop.contracts.area.AreaCode;
import io.gridloop.contracts.event.GeoPoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.annotation.Id;
import org.springframework.core.io.ResourceLoader;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.FindAndReplaceOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Service;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The grid registry: districts, streets, communities and grids by code, in MongoDB ({@code grid_areas},
 * {@code _id} = code) and, for lookups on every report, in memory — a city's few thousand areas are small.
 * Every instance re-reads the collection each {@code reload-interval}; an import applies at once on the
 * instance that took it.
 */
@Service
public class GridRegistry implements InitializingBean, SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(GridRegistry.class);
    static final String COLLECTION = "grid_areas";

    private final MongoTemplate mongo;
    private final RegistrySettings settings;
    private final ResourceLoader resources;
    private final Clock clock;
    private final AtomicReference<Map<String, GridArea>> areas = new AtomicReference<>(Map.of());
    private final AtomicReference<GridIndex> index = new AtomicReference<>(GridIndex.of(List.of()));
    private final List<java.util.function.Consumer<List<GridArea>>> importListeners =
            new java.util.concurrent.CopyOnWriteArrayList<>();

    GridRegistry(MongoTemplate mongo, RegistrySettings settings, ResourceLoader resources, Clock clock) {
        this.mongo = mongo;
        this.settings = settings;
        this.resources = resources;
        this.clock = clock;
    }

    /** A grid with the community, street and district it lies in. */
    public record ResolvedGrid(GridArea grid, GridArea community, GridArea street, GridArea district) {
    }

    /** What an import did. */
    public record ImportResult(int created, int updated, int retired, int total) {
    }

    @Override
    public void afterPropertiesSet() {
        reload();
        if (areas.get().isEmpty() && !settings.seed().isBlank()) {
            try (Reader in = new InputStreamReader(resources.getResource(settings.seed()).getInputStream(),
                    StandardCharsets.UTF_8)) {
                ImportResult seeded = importCsv(in);
                log.info("Seeded the grid registry from {}: {} areas", settings.seed(), seeded.total());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the registry seed " + settings.seed(), e);
            }
        }
        log.info("Grid registry holds {} areas ({} grids)", areas.get().size(),
                areas.get().values().stream().filter(a -> a.level() == AreaLevel.GRID).count());
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar tasks) {
        tasks.addFixedDelayTask(new FixedDelayTask(this::reload, settings.reloadInterval(),
                settings.reloadInterval()));
    }

    public void reload() {
        Map<String, GridArea> loaded = new HashMap<>();
        for (GridArea a : mongo.findAll(GridArea.class, COLLECTION)) {
            loaded.put(a.code(), a);
        }
        use(loaded);
    }

    /** The areas lookups answer from from now on, with their spatial index. */
    private void use(Map<String, GridArea> loaded) {
        Map<String, GridArea> copy = Map.copyOf(loaded);
        index.set(GridIndex.of(copy.values()));
        areas.set(copy);
    }

    /** {@code listener} gets the areas of every import, after they are stored. */
    void onImport(java.util.function.Consumer<List<GridArea>> listener) {
        importListeners.add(listener);
    }

    /** Every area, active or retired. */
    public java.util.Collection<GridArea> all() {
        return areas.get().values();
    }

    public Optional<GridArea> find(String code) {
        return Optional.ofNullable(code == null ? null : areas.get().get(code));
    }

    /** The areas directly under {@code parentCode}, by code. */
    public List<GridArea> children(String parentCode) {
        return areas.get().values().stream().filter(a -> parentCode.equals(a.parentCode()))
                .sorted(Comparator.comparing(GridArea::code)).toList();
    }

    /**
     * The registry's districts of the city whose codes begin with {@code cityPrefix} (its four digits): the
     * registry holds no cities, so a city-wide person's first choice is one of these.
     */
    public List<GridArea> districtsOf(String cityPrefix) {
        return areas.get().values().stream()
                .filter(a -> a.level() == AreaLevel.DISTRICT && a.code().startsWith(cityPrefix))
                .sorted(Comparator.comparing(GridArea::code)).toList();
    }

    /**
     * The grid a report names, with its community, street and district.
     *
     * @throws Refusal 422 {@code UNKNOWN_GRID} or {@code GRID_RETIRED}
     */
    public ResolvedGrid resolve(String gridCode) {
        Map<String, GridArea> all = areas.get();
        GridArea grid = all.get(gridCode);
        if (grid == null || grid.level() != AreaLevel.GRID) {
            throw Refusal.invalid("UNKNOWN_GRID", "网格编码不存在",
                    "网格编码 " + gridCode + " 未在网格库中登记").with("field", "gridCode");
        }
        if (!grid.active()) {
            throw Refusal.invalid("GRID_RETIRED", "网格已撤销",
                    "网格 " + gridCode + "（" + grid.name() + "）已撤销，请按新的网格编码上报").with("field", "gridCode");
        }
        AreaCode code = AreaCode.of(gridCode);
        GridArea community = all.get(code.at(AreaLevel.COMMUNITY).value());
        GridArea street = all.get(code.at(AreaLevel.STREET).value());
        GridArea district = all.get(code.at(AreaLevel.DISTRICT).value());
        if (community == null || street == null || district == null) {
            throw new IllegalStateException("registry lacks a parent of grid " + gridCode);
        }
        return new ResolvedGrid(grid, community, street, district);
    }

    /**
     * Whether a reported position fits the grid: inside its outline or within {@code near-outline-metres} of its
     * nearest edge, or near its centre; a grid without geometry accepts any position.
     */
    public boolean fits(GridArea grid, GeoPoint position) {
        if (grid.polygon().size() >= 3) {
            return Geo.metresOutside(position, grid.polygon()) <= settings.nearOutlineMetres();
        }
        if (grid.centroid() != null) {
            return Geo.distance(position, grid.centroid()) <= settings.nearCentroidMetres();
        }
        return true;
    }

    /**
     * The active grid a position lies in, for reports that come with a position but no grid (Open311): the grid
     * whose outline holds it, else the grid with the nearest centre within {@code near-centroid-metres}.
     */
    public Optional<GridArea> locate(GeoPoint position) {
        GridIndex grids = index.get();
        Optional<GridArea> inside = grids.containing(position);
        return inside.isPresent() ? inside : grids.nearestCentre(position, settings.nearCentroidMetres());
    }

    public ImportResult importCsv(Reader csv) {
        List<RegistryFile.Problem> problems = new ArrayList<>();
        List<RegistryFile.Row> rows = RegistryFile.parseCsv(csv, problems);
        return importRows(rows, problems, "system");
    }

    /**
     * How an import went or goes ({@code grid_registry_imports}, {@code _id} = {@code latest}): checked, then
     * stored {@value #STORE_CHUNK} areas at a time, so a page polling it shows a city's registry arriving.
     *
     * @param phase CHECKING, STORING, DONE, or REFUSED (the file had problems: nothing was imported)
     */
    public record ImportProgress(@Id String id, String phase, String phaseLabel, String by, int total, int stored,
                                 int problems, Instant startedAt, Instant finishedAt, ImportResult result) {
    }

    static final String IMPORTS = "grid_registry_imports";
    static final int STORE_CHUNK = 500;

    public Optional<ImportProgress> lastImport() {
        return Optional.ofNullable(mongo.findById("latest", ImportProgress.class, IMPORTS));
    }

    private void progress(String phase, String label, String by, int total, int stored, int problems,
                          Instant startedAt, ImportResult result) {
        mongo.save(new ImportProgress("latest", phase, label, by, total, stored, problems, startedAt,
                result == null && !"REFUSED".equals(phase) ? null : clock.instant(), result), IMPORTS);
    }

    public ImportResult importRows(List<RegistryFile.Row> rows, List<RegistryFile.Problem> problems, String by) {
        Instant started = clock.instant();
        progress("CHECKING", "校验中", by, rows.size(), 0, problems.size(), started, null);
        Map<String, GridArea> known = areas.get();
        RegistryFile.Checked checked = RegistryFile.check(rows, known::containsKey, clock.instant(), problems);
        if (!problems.isEmpty()) {
            progress("REFUSED", "文件有误，未导入", by, rows.size(), 0, problems.size(), started, null);
            throw Refusal.invalid("INVALID_REGISTRY", "网格库文件有误",
                    "共 " + problems.size() + " 处问题，未导入任何区域").with("errors", problems.stream()
                    .limit(200).map(p -> Map.of("line", p.line(), "field", p.field() == null ? "" : p.field(),
                            "code", "Invalid", "message", p.message())).toList());
        }
        int created = 0;
        int updated = 0;
        int retired = 0;
        int stored = 0;
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, GridArea.class, COLLECTION);
        int inBulk = 0;
        for (GridArea a : checked.areas()) {
            GridArea before = known.get(a.code());
            if (before == null) {
                created++;
            } else {
                updated++;
                if (before.active() && !a.active()) {
                    retired++;
                }
            }
            bulk.replaceOne(Query.query(Criteria.where("_id").is(a.code())), a,
                    FindAndReplaceOptions.options().upsert());
            if (++inBulk == STORE_CHUNK) {
                bulk.execute();
                stored += inBulk;
                inBulk = 0;
                progress("STORING", "导入中", by, checked.areas().size(), stored, 0, started, null);
                bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, GridArea.class, COLLECTION);
            }
        }
        if (inBulk > 0) {
            bulk.execute();
        }
        reload();
        importListeners.forEach(l -> l.accept(checked.areas()));
        ImportResult result = new ImportResult(created, updated, retired, checked.areas().size());
        progress("DONE", "已完成", by, result.total(), result.total(), 0, started, result);
        log.info("Grid registry import by {}: {} created, {} updated ({} retired) in {} ms", by, created, updated,
                retired, java.time.Duration.between(started, clock.instant()).toMillis());
        return result;
    }
}
