package io.gridloop.stats.formula;

import java.util.List;
import java.util.Optional;

/**
 * The rates a city reports, in the order its tables show them. Loaded once at start-up from
 * {@code gridloop.stats.formulas-location} (default: the shipped {@code stats/formulas.json}); an invalid file
 * stops the service rather than publish wrong rates.
 */
public record Formulas(List<Formula> formulas) {

    public Formulas {
        formulas = List.copyOf(formulas);
        List<String> problems = formulas.stream().flatMap(f -> f.problems().stream()).toList();
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid statistics formulas: " + String.join("; ", problems));
        }
        if (formulas.stream().map(Formula::code).distinct().count() != formulas.size()) {
            throw new IllegalArgumentException("invalid statistics formulas: a formula code is used twice");
        }
    }

    public Optional<Formula> byCode(String code) {
        return formulas.stream().filter(f -> f.code().equals(code)).findFirst();
    }
}
