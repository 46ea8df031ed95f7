package io.gridloop.stats.assessment;

import io.gridloop.contracts.event.PatrolKind;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class MonthMeasuresTest {

    @Test
    void shouldCountOnlyValidReportsAndOnlyThePublicsFindingsAgainstTheWorker() {
        Map<Measure, Long> m = MonthMeasures.of(
                Map.of("HAZARD|GRID_PATROL", Map.of("reported", 4L, "invalidated", 1L, "merged", 1L,
                                "closedInGrid", 2L, "closedOnTime", 1L),
                        "DISPUTE|GRID_PATROL", Map.of("reported", 1L)),
                Map.of("HAZARD|HOTLINE_12345", Map.of("reported", 3L, "merged", 1L, "satisfied", 2L),
                        "OTHER|AI_CAMERA", Map.of("reported", 5L),
                        "HAZARD|GRID_PATROL", Map.of("reported", 4L, "satisfied", 1L)),
                Map.of(PatrolKind.HOUSEHOLD_VISIT, 3L, PatrolKind.DISPUTE_SCREENING, 1L));

        assertThat(m).containsEntry(Measure.VALID_REPORTS, 3L).containsEntry(Measure.HAZARD_REPORTS, 2L)
                .containsEntry(Measure.DISPUTE_REPORTS, 1L).containsEntry(Measure.SELF_HANDLED_CLOSED, 2L)
                .containsEntry(Measure.CLOSED_ON_TIME, 1L).containsEntry(Measure.SATISFIED_VISITS, 3L)
                // 12345's two valid orders count against the worker; the camera's findings do not.
                .containsEntry(Measure.FOUND_FIRST_BY_CITIZENS, 2L)
                .containsEntry(Measure.HOUSEHOLD_VISITS, 3L).containsEntry(Measure.DISPUTE_SCREENINGS, 1L)
                .containsEntry(Measure.HAZARD_PATROLS, 0L);
        assertThat(m).hasSize(Measure.values().length);
    }
}
