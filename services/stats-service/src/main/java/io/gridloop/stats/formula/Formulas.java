package io.gridloop.stats.formula;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.gridloop.stats.counting.Measure;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToLongFunction;

/**
 * The rates a city reports, in the order its tables show them. Loaded once at start-up from
 * {@code gridloop.stats.formulas-location} (default: the shipped {@code stats/formulas.json}); an invalid file
 * stops the service rather than publish wrong rates. Each formula is parsed here, once, not at every evaluation.
 */
public final class Formulas {

    private final List<Formula> formulas;
    private final Map<String, Formula> byCode = new LinkedHashMap<>();
    private final Map<String, Rate> rates = new LinkedHashMap<>();

    @JsonCreator
    public Formulas(@JsonProperty("formulas") List<Formula> formulas) {
        this.formulas = List.copyOf(formulas);
        List<String> problems = this.formulas.stream().flatMap(f -> f.problems().stream()).toList();
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid statistics formulas: " + String.join("; ", problems));
        }
        for (Formula f : this.formulas) {
            if (byCode.put(f.code(), f) != null) {
                throw new IllegalArgumentException("invalid statistics formulas: a formula code is used twice");
            }
            rates.put(f.code(), f.rate());
        }
    }

    public List<Formula> formulas() {
        return formulas;
    }

    public Optional<Formula> byCode(String code) {
        return Optional.ofNullable(byCode.get(code));
    }

    /** The rate {@code formula} gives {@code counts}, from the formula as parsed at start-up. */
    public Double evaluate(Formula formula, ToLongFunction<Measure> counts) {
        return rates.get(formula.code()).evaluate(counts);
    }
}
