package io.gridloop.bench;

import io.gridloop.localstack.DemoData;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Reports as grid workers and citizens file them: the ten districts in proportion to their grids, the four
 * categories and five sources in the shares grid programmes publish (most are patrol reports of residents' needs
 * and hazards), a position near the grid's centre.
 */
final class Reports {

    record Kind(String category, String subCategory, String text, double weight) {
    }

    private static final List<Kind> KINDS = List.of(
            new Kind("LIVELIHOOD", "SANITATION", "垃圾清运不及时，气味较大", 18),
            new Kind("LIVELIHOOD", "STREETLIGHT", "小区路灯不亮，夜间出行不便", 8),
            new Kind("LIVELIHOOD", "ROAD_FACILITY", "下水道堵塞，污水外溢", 8),
            new Kind("LIVELIHOOD", "HEATING", "小区供暖温度不达标", 5),
            new Kind("LIVELIHOOD", "PROPERTY_SERVICE", "物业不及时维修单元门", 6),
            new Kind("LIVELIHOOD", "ELDERLY_DISABLED", "老人申请居家养老上门服务", 4),
            new Kind("HAZARD", "FIRE_SAFETY", "电动车在楼道内充电，存在火灾隐患", 14),
            new Kind("HAZARD", "MANHOLE", "井盖缺失，有坠落风险", 4),
            new Kind("HAZARD", "BUILDING_SAFETY", "围墙出现裂缝，有倒塌风险", 3),
            new Kind("HAZARD", "ILLEGAL_CONSTRUCTION", "楼顶私搭乱建", 4),
            new Kind("DISPUTE", "NEIGHBOUR_DISPUTE", "邻里因噪音问题发生纠纷", 8),
            new Kind("DISPUTE", "PROPERTY_DISPUTE", "物业与业主因停车费产生矛盾", 4),
            new Kind("DISPUTE", "FAMILY_DISPUTE", "家庭矛盾需要调解", 2),
            new Kind("OTHER", "PUBLIC_ORDER", "夜间有人聚集滋事", 4),
            new Kind("OTHER", "OTHER", "居民反映流浪犬出没", 8));
    private static final Map<String, Double> SOURCES = Map.of("GRID_PATROL", 70.0, "CITIZEN_PHOTO", 12.0,
            "RESIDENT_PLATFORM", 10.0, "AI_CAMERA", 8.0);

    private final List<DemoData.DemoGrid> grids = new ArrayList<>();
    private final double totalWeight = KINDS.stream().mapToDouble(Kind::weight).sum();
    private final String run;

    Reports(String run) {
        this.run = run;
        DemoData.GRIDS.values().forEach(grids::addAll);
    }

    /** The JSON body of report {@code i} of this run. */
    String body(long i, RandomGenerator random) {
        DemoData.DemoGrid grid = grids.get(random.nextInt(grids.size()));
        Kind kind = pick(random);
        String source = pickSource(random);
        double lat = grid.latitude() + (random.nextDouble() - 0.5) * 0.002;
        double lon = grid.longitude() + (random.nextDouble() - 0.5) * 0.002;
        return "{\"clientEventId\":\"" + run + "-" + i + "\",\"source\":\"" + source + "\",\"category\":\""
                + kind.category() + "\",\"subCategory\":\"" + kind.subCategory() + "\",\"gridCode\":\"" + grid.code()
                + "\",\"description\":\"" + kind.text() + "\",\"location\":{\"latitude\":" + lat + ",\"longitude\":"
                + lon + "},\"occurredAt\":\"" + Instant.now().minusSeconds(60) + "\",\"reporterId\":\"bench-"
                + grid.code().substring(0, 12) + "\"}";
    }

    Kind pick(RandomGenerator random) {
        double r = random.nextDouble() * totalWeight;
        for (Kind k : KINDS) {
            r -= k.weight();
            if (r < 0) {
                return k;
            }
        }
        return KINDS.getLast();
    }

    private static String pickSource(RandomGenerator random) {
        double r = random.nextDouble() * 100;
        for (var e : SOURCES.entrySet()) {
            r -= e.getValue();
            if (r < 0) {
                return e.getKey();
            }
        }
        return "GRID_PATROL";
    }
}
