package io.gridloop.stats.counting;

import io.gridloop.contracts.area.AreaLevel;

/**
 * One area a case counts in, at one level — or, with no level, one grid worker whose own reports are counted
 * beside the areas ({@link #gridWorker}).
 *
 * @param name       the Chinese name as the events carry it; absent for grids and for cities (named by settings)
 * @param parentCode the area one level up; absent for a city
 */
public record AreaRef(AreaLevel level, String code, String name, String parentCode) {

    private static final String WORKER = "worker:";

    /**
     * The cells of a grid worker's own reports: stored with the areas' cells, under a code no area code can be
     * (area codes are digits), so the counting, its exactness and its rebuild are the areas' own.
     */
    public static AreaRef gridWorker(String workerId) {
        return new AreaRef(null, gridWorkerCode(workerId), null, null);
    }

    /** The code {@code workerId}'s cells are stored under. */
    public static String gridWorkerCode(String workerId) {
        return WORKER + workerId;
    }

    /** An area of the registry, rather than a grid worker's cell. */
    public boolean isArea() {
        return level != null;
    }
}
