package io.gridloop.dispatch;

import io.gridloop.contracts.EventCodec;
import io.gridloop.contracts.EventEnvelope;
import io.gridloop.contracts.ServiceNames;
import io.gridloop.contracts.Topics;
import io.gridloop.contracts.event.AreaRegistered;
import io.gridloop.contracts.area.AreaLevel;
import io.gridloop.infra.TopicWriter;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Areas of the grid registry as intake publishes them: a test's district with the street, community and grid. */
public final class Areas {

    private static final EventCodec CODEC = new EventCodec();

    private Areas() {
    }

    /**
     * Registers {@code gridCode}'s district ({@code districtName}), street (测试街道), community (测试社区) and the
     * grid itself.
     */
    public static void registerGrid(String bootstrap, String gridCode, String districtName) {
        String district = gridCode.substring(0, 6);
        register(bootstrap, new AreaRegistered(district, districtName, AreaLevel.DISTRICT, null, true, now()));
        register(bootstrap, new AreaRegistered(gridCode.substring(0, 9), "测试街道", AreaLevel.STREET, district,
                true, now()));
        register(bootstrap, new AreaRegistered(gridCode.substring(0, 12), "测试社区", AreaLevel.COMMUNITY,
                gridCode.substring(0, 9), true, now()));
        register(bootstrap, new AreaRegistered(gridCode, "测试第1网格", AreaLevel.GRID, gridCode.substring(0, 12),
                true, now()));
    }

    public static void register(String bootstrap, AreaRegistered area) {
        String id = area.code() + "@" + area.updatedAt().toEpochMilli();
        TopicWriter.send(bootstrap, Topics.AREA_REGISTERED.name(), area.code(), CODEC.encode(EventEnvelope.of(
                Topics.AREA_REGISTERED, id, ServiceNames.INTAKE, area.updatedAt(), area.code(), area)));
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
