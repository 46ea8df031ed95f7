package io.gridloop.localstack;

import io.gridloop.contracts.event.EventCategory;

import java.util.List;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * Work the demo traffic leaves for the demo users who sign in by hand (README's first look), in 赛罕区: a returned
 * case waits at the triage desk and fed-back cases wait for review (operator-saihan), water-supply cases wait
 * unclaimed at 赛罕区水务局 (handler-saihan-water), and neighbour disputes wait in gw-saihan-01's grids, who also
 * finds the reports filed from their grids under 我的上报. Everything else the feeder works to the end.
 */
final class DemoWork {

    static final String SAIHAN = "150105";
    /** gw-saihan-01's grids (the demo realm's area attribute). */
    static final Set<String> GRID_WORKERS_GRIDS = Set.of("150105001001001", "150105001001002");
    static final String GRID_WORKER = "gw-saihan-01";
    /** Those grids as the demo registry has them (with their centres). */
    private static final List<DemoData.DemoGrid> WORKERS_GRIDS = DemoData.GRIDS.getOrDefault(SAIHAN, List.of())
            .stream().filter(g -> GRID_WORKERS_GRIDS.contains(g.code())).toList();

    /** How a report is to be left: where, what, and the steps the feeder takes before it stops. */
    record Left(DemoData.DemoGrid grid, EventCategory category, DemoData.Sample sample, List<String> steps) {
    }

    private static final DemoData.Sample DISPUTE = new DemoData.Sample("NEIGHBOUR_DISPUTE", "楼上漏水，邻里发生纠纷");
    private static final DemoData.Sample WATER = new DemoData.Sample("WATER_SUPPLY", "自来水水压偏低，高层住户无水");
    /** One report of 赛罕区 in eight is left for a person. */
    private static final double SHARE = 0.125;

    /** How this report is left for a person, or null: the feeder works it as usual. */
    static Left leftFor(DemoData.DemoDistrict district, RandomGenerator random) {
        if (!SAIHAN.equals(district.code()) || random.nextDouble() >= SHARE) {
            return null;
        }
        double kind = random.nextDouble();
        if (kind < 0.3) {
            return WORKERS_GRIDS.isEmpty() ? null : new Left(WORKERS_GRIDS.get(random.nextInt(WORKERS_GRIDS.size())),
                    EventCategory.DISPUTE, DISPUTE, List.of());
        }
        if (kind < 0.55) {
            return new Left(null, EventCategory.LIVELIHOOD, WATER, List.of());
        }
        if (kind < 0.85) {
            return new Left(null, null, null, List.of("accept", "feedback"));
        }
        return new Left(null, null, null, List.of("return"));
    }

    /** Who reports from {@code grid}: its demo grid worker where the realm has one, else its community's. */
    static String reporterOf(String grid) {
        return GRID_WORKERS_GRIDS.contains(grid) ? GRID_WORKER : "gw-" + grid.substring(0, 12);
    }

    private DemoWork() {
    }
}
