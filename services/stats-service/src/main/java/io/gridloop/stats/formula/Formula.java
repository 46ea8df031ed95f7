package io.gridloop.stats.formula;

import io.gridloop.stats.counting.Measure;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.ToLongFunction;

/**
 * A rate as data: numerator ÷ denominator, each a sum or difference of measures, e.g. {@code dueClosed} ÷
 * {@code due - dueSuspended} (结案率 where a city subtracts 缓办). A rate over an empty denominator is absent, not 0%.
 *
 * @param code        the name in JSON and exports, e.g. {@code completionRate}
 * @param name        what supervisors call it, e.g. 办结率
 * @param numerator   e.g. {@code closed}
 * @param denominator e.g. {@code reported}
 */
public record Formula(String code, String name, String numerator, String denominator, String description) {

    /** A signed measure in a sum. */
    record Term(int sign, Measure measure) {
    }

    /** What is wrong with this formula; empty if it is usable. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (code == null || !code.matches("[a-z][A-Za-z0-9]*")) {
            problems.add("公式代码须为英文小驼峰（如 completionRate）：" + code);
        }
        if (name == null || name.isBlank()) {
            problems.add(code + "：缺少中文名称");
        }
        parse(numerator).ifPresentOrElse(t -> { }, () -> problems.add(code + "：分子无法识别：" + numerator));
        parse(denominator).ifPresentOrElse(t -> { }, () -> problems.add(code + "：分母无法识别：" + denominator));
        return problems;
    }

    /** The rate in 0..1 (or above, for a city's own definitions), or {@code null} when the denominator is ≤ 0. */
    public Double evaluate(ToLongFunction<Measure> counts) {
        long top = sum(parse(numerator).orElseThrow(), counts);
        long bottom = sum(parse(denominator).orElseThrow(), counts);
        return bottom <= 0 ? null : (double) top / bottom;
    }

    private static long sum(List<Term> terms, ToLongFunction<Measure> counts) {
        long total = 0;
        for (Term t : terms) {
            total += t.sign() * counts.applyAsLong(t.measure());
        }
        return total;
    }

    /** {@code a + b - c} over measure codes. */
    static Optional<List<Term>> parse(String expression) {
        if (expression == null || expression.isBlank()) {
            return Optional.empty();
        }
        List<Term> terms = new ArrayList<>();
        int sign = 1;
        boolean expectMeasure = true;
        for (String token : expression.trim().split("\\s+|(?=[+-])|(?<=[+-])")) {
            if (token.isBlank()) {
                continue;
            }
            if (token.equals("+") || token.equals("-")) {
                if (expectMeasure) {
                    return Optional.empty();
                }
                sign = token.equals("+") ? 1 : -1;
                expectMeasure = true;
            } else {
                Optional<Measure> m = Measure.byCode(token);
                if (m.isEmpty() || !expectMeasure) {
                    return Optional.empty();
                }
                terms.add(new Term(sign, m.get()));
                expectMeasure = false;
            }
        }
        return expectMeasure ? Optional.empty() : Optional.of(terms);
    }
}
