package io.gridloop.stats.ledger;

/**
 * One complete set of counts: cells, the case facts they were counted from, and the overdue list. Generation 0
 * keeps the collections' original names, so an installation from before rebuilds existed reads what it always
 * had; a rebuild counts the transitions topic again into the next generation and readers switch over only when
 * it has caught up.
 */
public record Generation(int number) {

    public static final Generation FIRST = new Generation(0);

    public Generation {
        if (number < 0) {
            throw new IllegalArgumentException("generation " + number);
        }
    }

    public String cells() {
        return named("stat_cells");
    }

    public String facts() {
        return named("case_facts");
    }

    public String overdue() {
        return named("overdue_cases");
    }

    public Generation next() {
        return new Generation(number + 1);
    }

    private String named(String base) {
        return number == 0 ? base : base + "_g" + number;
    }
}
