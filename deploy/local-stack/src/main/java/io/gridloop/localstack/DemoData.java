package io.gridloop.localstack;

import io.gridloop.contracts.event.EventCategory;
import io.gridloop.contracts.event.ReportSource;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Plausible reports for the ten districts of Hohhot: the category mix of a real county (民生事项 ~90%,
 * 问题隐患 ~6%, 矛盾纠纷 ~3%, 其他 <1%), mostly from grid workers' patrols, at positions around each district.
 */
final class DemoData {

    /** A district, its rough centre, and how diligent its handlers are (the share of cases they close). */
    record DemoDistrict(String code, String name, double latitude, double longitude, double closingShare) {
    }

    static final List<DemoDistrict> DISTRICTS = List.of(
            new DemoDistrict("150102", "新城区", 40.863, 111.665, 0.97),
            new DemoDistrict("150103", "回民区", 40.808, 111.624, 0.95),
            new DemoDistrict("150104", "玉泉区", 40.753, 111.675, 0.93),
            new DemoDistrict("150105", "赛罕区", 40.792, 111.701, 0.96),
            new DemoDistrict("150121", "土默特左旗", 40.729, 111.163, 0.90),
            new DemoDistrict("150122", "托克托县", 40.277, 111.194, 0.92),
            new DemoDistrict("150123", "和林格尔县", 40.379, 111.822, 0.88),
            new DemoDistrict("150124", "清水河县", 39.921, 111.647, 0.86),
            new DemoDistrict("150125", "武川县", 41.096, 111.451, 0.89),
            new DemoDistrict("150172", "呼和浩特经济技术开发区", 40.818, 111.763, 0.98));

    /** What a grid worker files: a catalogue sub-category and the words they use for it. */
    record Sample(String subCategory, String description) {
    }

    private static final List<Sample> LIVELIHOOD = List.of(
            new Sample("STREETLIGHT", "小区路灯不亮，夜间出行不便"), new Sample("SANITATION", "楼道堆放杂物，影响通行"),
            new Sample("SANITATION", "垃圾清运不及时，气味较大"), new Sample("ELDERLY_DISABLED", "老人申请居家养老上门服务"),
            new Sample("ROAD_FACILITY", "下水道堵塞，污水外溢"), new Sample("HEATING", "小区供暖温度不达标"),
            new Sample("ROAD_FACILITY", "无障碍坡道破损"), new Sample("GREENING", "小区绿化带树木倒伏"),
            new Sample("SOCIAL_ASSISTANCE", "困难家庭咨询低保申请事宜"), new Sample("WATER_SUPPLY", "自来水水压偏低"));
    private static final List<Sample> HAZARD = List.of(
            new Sample("FIRE_SAFETY", "电动车在楼道内充电，存在火灾隐患"), new Sample("MANHOLE", "井盖缺失，有坠落风险"),
            new Sample("BUILDING_SAFETY", "围墙出现裂缝，有倒塌风险"), new Sample("GAS_SAFETY", "燃气管道老化，有异味"),
            new Sample("FIRE_SAFETY", "消防通道被车辆堵塞"));
    private static final List<Sample> DISPUTE = List.of(
            new Sample("NEIGHBOUR_DISPUTE", "邻里因噪音问题发生纠纷"), new Sample("PROPERTY_DISPUTE", "物业与业主因停车费产生矛盾"),
            new Sample("NEIGHBOUR_DISPUTE", "租户与房东因押金退还发生争执"));
    private static final List<Sample> OTHER = List.of(new Sample("OTHER", "居民反映流浪犬出没"),
            new Sample("OTHER", "共享单车乱停放"));

    static EventCategory category(RandomGenerator random) {
        double r = random.nextDouble();
        if (r < 0.90) {
            return EventCategory.LIVELIHOOD;
        } else if (r < 0.96) {
            return EventCategory.HAZARD;
        } else if (r < 0.99) {
            return EventCategory.DISPUTE;
        }
        return EventCategory.OTHER;
    }

    static ReportSource source(RandomGenerator random) {
        double r = random.nextDouble();
        if (r < 0.72) {
            return ReportSource.GRID_PATROL;
        } else if (r < 0.82) {
            return ReportSource.AI_CAMERA;
        } else if (r < 0.90) {
            return ReportSource.CITIZEN_PHOTO;
        } else if (r < 0.98) {
            return ReportSource.RESIDENT_PLATFORM;
        }
        return ReportSource.OPEN311;
    }

    static Sample sample(EventCategory category, RandomGenerator random) {
        List<Sample> pool = switch (category) {
            case LIVELIHOOD -> LIVELIHOOD;
            case HAZARD -> HAZARD;
            case DISPUTE -> DISPUTE;
            case OTHER -> OTHER;
        };
        return pool.get(random.nextInt(pool.size()));
    }

    /** 15 digits: district + street (001–012) + community (001–015) + grid (001–020). */
    static String gridCode(DemoDistrict district, RandomGenerator random) {
        return district.code() + "%03d%03d%03d".formatted(1 + random.nextInt(12), 1 + random.nextInt(15),
                1 + random.nextInt(20));
    }

    private DemoData() {
    }
}
