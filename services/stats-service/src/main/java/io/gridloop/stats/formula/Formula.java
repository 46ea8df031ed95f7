package io.gridloop.stats.formula;

import io.gridloop.stats.counting.Measure;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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

    /** The formula parsed, to evaluate many times (Formulas keeps each one's). */
    public Rate rate() {
        return new Rate(parse(numerator).orElseThrow(() -> new IllegalStateException(code + ": " + numerator)),
                parse(denominator).orElseThrow(() -> new IllegalStateException(code + ": " + denominator)));
    }

    /** {@code a + b - c} over measure codes. */
    static Optional<List<Rate.Term>> parse(String expression) {
        if (expression == null || expression.isBlank()) {
            return Optional.empty();
        }
        List<Rate.Term> terms = new ArrayList<>();
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
                terms.add(new Rate.Term(sign, m.get()));
                expectMeasure = false;
            }
        }
        return expectMeasure ? Optional.empty() : Optional.of(terms);
    }
}
