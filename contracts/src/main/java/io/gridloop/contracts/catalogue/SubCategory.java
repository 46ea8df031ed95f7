package io.gridloop.contracts.catalogue;

import io.gridloop.contracts.event.Complexity;
import io.gridloop.contracts.event.EventCategory;
import io.gridloop.contracts.area.AreaLevel;

/**
 * One entry of the sub-category catalogue (事项小类).
 *
 * @param code         stable code carried in events, e.g. {@code WATER_SUPPLY}
 * @param name         the Chinese name people read, e.g. 供水问题
 * @param category     the top-level category it belongs to
 * @param complexity   how complex its cases are: drives the "1-3-5" deadlines
 * @param defaultLevel the level that handles it first ("小事不出网格")
 */
public record SubCategory(String code, String name, EventCategory category, Complexity complexity,
                          AreaLevel defaultLevel) {
}
