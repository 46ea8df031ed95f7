package io.gridloop.dispatch.supervision;

import io.gridloop.contracts.area.AreaLevel;

import java.time.Instant;

/**
 * A 督办 record: a case went past its deadline while open; its handling unit is supervised and the level above
 * notified.
 *
 * @param id         one per case and deadline: {@code <caseId>@<dueAt epoch second>}, so the watch can never file it
 *                   twice
 * @param caseNumber the case's number (案件编号); absent on records filed before numbers were given
 */
public record Supervision(String id, String caseId, String districtCode, String districtName,
                          String handlingUnit, String handlingUnitName, AreaLevel level,
                          String notifiedUnit, String notifiedUnitName, Instant dueAt, Instant overdueAt,
                          String caseNumber) {
}
