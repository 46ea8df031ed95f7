package io.gridloop.stats.formula;

import io.gridloop.stats.counting.Measure;

import java.util.List;
import java.util.function.ToLongFunction;

/** A formula parsed once: the signed measures above and below the line. */
public record Rate(List<Term> numerator, List<Term> denominator) {

    /** A signed measure in a sum. */
    public record Term(int sign, Measure measure) {
    }

    public Rate {
        numerator = List.copyOf(numerator);
        denominator = List.copyOf(denominator);
    }

    /** The rate in 0..1 (or above, for a city's own definitions), or {@code null} when the denominator is ≤ 0. */
    public Double evaluate(ToLongFunction<Measure> counts) {
        long bottom = sum(denominator, counts);
        return bottom <= 0 ? null : (double) sum(numerator, counts) / bottom;
    }

    private static long sum(List<Term> terms, ToLongFunction<Measure> counts) {
        long total = 0;
        for (Term t : terms) {
            total += t.sign() * counts.applyAsLong(t.measure());
        }
        return total;
    }
}
