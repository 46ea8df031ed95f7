package io.gridloop.stats.assessment;

import io.gridloop.contracts.area.AreaLevel;
import io.gridloop.platform.problem.Refusal;
import io.gridloop.stats.areas.KnownAreas;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * 网格员花名册: who is assessed, and for which grids ({@code assessment_grid_workers}, {@code _id} = the worker's user
 * id, as the identity provider knows them). The roster is what makes a month without any activity visible: a grid
 * worker who recorded nothing still gets that month's score — the base — and, three such months in a row, a warning.
 * A worker's grid measures (return-visit satisfaction, matters found first by the public) are their grids'.
 */
@Component
public class GridWorkerRoster {

    static final String COLLECTION = "assessment_grid_workers";
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    /**
     * One grid worker on the roster.
     *
     * @param since the first month they are assessed for (参加考核起始月份): a worker who joins is not warned for the
     *              months before
     */
    public record GridWorker(String id, String name, List<String> gridCodes, YearMonth since, String updatedBy,
                             Instant updatedAt) {

        public GridWorker {
            gridCodes = List.copyOf(gridCodes);
        }

        /** Whether {@code month} is one they are assessed for. */
        public boolean assessedIn(YearMonth month) {
            return since == null || !month.isBefore(since);
        }

        /** Whether one of the worker's grids begins with {@code prefix}. */
        public boolean serves(String prefix) {
            return gridCodes.stream().anyMatch(g -> g.startsWith(prefix));
        }
    }

    private final MongoTemplate mongo;
    private final KnownAreas areas;
    private final Clock clock;

    GridWorkerRoster(MongoTemplate mongo, KnownAreas areas, Clock clock) {
        this.mongo = mongo;
        this.areas = areas;
        this.clock = clock;
    }

    /**
     * Puts {@code workerId} on the roster, or changes their entry; every grid must be one the registry has.
     *
     * @param since the first month assessed; absent: as the entry had it, or for a new one this month (Beijing)
     */
    public GridWorker save(String workerId, String name, List<String> gridCodes, YearMonth since, String by) {
        for (int i = 0; i < gridCodes.size(); i++) {
            String grid = gridCodes.get(i);
            if (areas.get(grid).filter(a -> a.level() == AreaLevel.GRID).isEmpty()) {
                throw Refusal.invalid("UNKNOWN_GRID", "网格不存在", "网格 " + grid + " 不在网格登记中")
                        .with("errors", List.of(Map.of("field", "gridCodes[" + i + "]", "code", "Invalid",
                                "message", "网格 " + grid + " 不在网格登记中")));
            }
        }
        YearMonth from = since != null ? since : find(workerId).map(GridWorker::since)
                .orElseGet(() -> YearMonth.now(clock.withZone(BEIJING)));
        GridWorker worker = new GridWorker(workerId, name, gridCodes.stream().distinct().sorted().toList(), from, by,
                clock.instant());
        mongo.save(worker, COLLECTION);
        return worker;
    }

    public Optional<GridWorker> find(String workerId) {
        return Optional.ofNullable(mongo.findById(workerId, GridWorker.class, COLLECTION));
    }

    /** Takes {@code workerId} off the roster (离岗); their counted work stays counted. */
    public boolean remove(String workerId) {
        return mongo.remove(Query.query(Criteria.where("_id").is(workerId)), COLLECTION).getDeletedCount() > 0;
    }

    /**
     * The workers who serve a grid whose code begins with {@code prefix} (an area's {@code AreaCode.prefix()}), by
     * place (their first grid), then by id.
     */
    public List<GridWorker> in(String prefix) {
        // A district's roster is a few thousand entries: read whole, on the embedded server as on a real one.
        return mongo.findAll(GridWorker.class, COLLECTION).stream().filter(w -> w.serves(prefix))
                .sorted(Comparator.comparing((GridWorker w) -> w.gridCodes().getFirst()).thenComparing(GridWorker::id))
                .toList();
    }
}
