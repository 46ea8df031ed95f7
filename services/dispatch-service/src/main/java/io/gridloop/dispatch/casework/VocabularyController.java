package io.gridloop.dispatch.casework;

import io.gridloop.contracts.event.CaseState;
import io.gridloop.contracts.event.EventCategory;
import io.gridloop.contracts.event.PatrolKind;
import io.gridloop.contracts.area.AreaLevel;
import io.gridloop.contracts.event.ReportSource;
import io.gridloop.contracts.event.Urgency;
import io.gridloop.contracts.event.CaseAction;
import io.gridloop.dispatch.unit.UnitKind;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * The codes of the case vocabulary with their Chinese names, as pages offer them in filters and show them in
 * lists: states, categories, sources, urgencies, handling levels, actions, kinds of unit and of grid workers' patrols. One source, so no page keeps its
 * own copy of the names.
 */
@RestController
class VocabularyController {

    record Term(String code, String label) {
    }

    record Vocabulary(List<Term> states, List<Term> categories, List<Term> sources, List<Term> urgencies,
                      List<Term> levels, List<Term> actions, List<Term> unitKinds, List<Term> patrolKinds) {
    }

    private static final Vocabulary VOCABULARY = new Vocabulary(
            terms(CaseState.values(), CaseState::name, CaseState::label),
            terms(EventCategory.values(), EventCategory::name, EventCategory::label),
            terms(ReportSource.values(), ReportSource::name, ReportSource::label),
            terms(Urgency.values(), Urgency::name, Urgency::label),
            terms(AreaLevel.values(), AreaLevel::name, AreaLevel::label),
            terms(java.util.EnumSet.complementOf(java.util.EnumSet.of(CaseAction.UNKNOWN)).toArray(CaseAction[]::new),
                    CaseAction::wireName, CaseAction::label),
            terms(UnitKind.values(), UnitKind::name, UnitKind::label),
            terms(PatrolKind.values(), PatrolKind::name, PatrolKind::label));

    @GetMapping("/api/v1/vocabulary")
    Vocabulary vocabulary() {
        return VOCABULARY;
    }

    private static <T> List<Term> terms(T[] values, Function<T, String> code, Function<T, String> label) {
        return Arrays.stream(values).map(v -> new Term(code.apply(v), label.apply(v))).toList();
    }
}
