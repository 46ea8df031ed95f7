package io.gridloop.localstack;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * 赛罕区's grid workers on the assessment roster (网格员花名册), as an administrator would enrol them: each demo
 * reporter ({@link DemoWork#reporterOf}) with the grids they report from, so the supervisor's monthly assessment
 * lists them. Done once statistics know the grids ({@link DemoSetup}); a restart enrols the same workers again.
 */
final class DemoRoster {

    static void enrolInBackground(String stats, String adminToken) {
        Map<String, List<String>> gridsByWorker = DemoData.GRIDS.getOrDefault(DemoWork.SAIHAN, List.of()).stream()
                .map(DemoData.DemoGrid::code)
                .collect(Collectors.groupingBy(DemoWork::reporterOf, TreeMap::new, Collectors.toList()));
        Map<String, DemoSetup.Call> calls = new LinkedHashMap<>();
        gridsByWorker.forEach((worker, grids) -> calls.put(worker, new DemoSetup.Call("PUT",
                stats + "/api/v1/assessment/grid-workers/" + worker, "application/json",
                body(worker, grids).getBytes(StandardCharsets.UTF_8))));
        DemoSetup.inBackground("roster", adminToken, calls);
    }

    private static String body(String worker, List<String> grids) {
        String name = DemoWork.GRID_WORKER.equals(worker) ? "新城社区网格员" : "网格员" + worker.substring(worker.length() - 6);
        return "{\"name\":\"" + name + "\",\"gridCodes\":[" + grids.stream().sorted().map(g -> "\"" + g + "\"")
                .collect(Collectors.joining(",")) + "]}";
    }

    private DemoRoster() {
    }
}
