package io.gridloop.stats.counting;

import io.gridloop.contracts.area.AreaLevel;

/**
 * One area a case counts in, at one level.
 *
 * @param name       the Chinese name as the events carry it; absent for grids and for cities (named by settings)
 * @param parentCode the area one level up; absent for a city
 */
public record AreaRef(AreaLevel level, String code, String name, String parentCode) {
}
