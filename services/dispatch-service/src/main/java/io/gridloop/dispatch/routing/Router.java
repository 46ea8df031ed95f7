package io.gridloop.dispatch.routing;

import io.gridloop.contracts.event.EventReported;

/**
 * 分流: picks the unit that handles a newly reported event. For now every event goes to its district's grid
 * centre; rules by sub-category, level and area replace this when routing is built.
 */
public final class Router {

    private Router() {
    }

    public static HandlingUnit route(EventReported event) {
        return new HandlingUnit(event.districtCode(), event.districtName() + "网格化服务管理中心");
    }
}
