package io.gridloop.stats.generations;

/**
 * One complete set of counts: cells and the overdue list (the case facts they were counted from are in the
 * counting application's state stores; earlier versions kept them in a collection, still dropped with the rest
 * when a rebuild no longer needs a generation). Generation 0
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

    /** The case facts of the batch ledger of earlier versions: only ever dropped. */
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
