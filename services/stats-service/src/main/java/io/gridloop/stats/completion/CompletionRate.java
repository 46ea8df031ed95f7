package io.gridloop.stats.completion;

/** 办结率 (completion rate) = 办结数 ÷ 上报数, the grid programmes' definition. */
public final class CompletionRate {

    private CompletionRate() {
    }

    /** The rate in 0..1, or {@code null} while nothing was reported: 0 ÷ 0 is not 0%. */
    public static Double of(long closed, long reported) {
        return reported == 0 ? null : (double) closed / reported;
    }
}
