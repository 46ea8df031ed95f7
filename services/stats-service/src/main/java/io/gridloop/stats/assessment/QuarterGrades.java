package io.gridloop.stats.assessment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Grading grids for a quarter by rank, under a quota of 优秀 (望城区: 355 of 725 third-level grids, 757 of 5,464
 * fourth-level ones): the grids are ranked by their score; the first {@link #quota} are 优秀; of the rest, a grid
 * whose score reaches the 合格 bar of its rules is 合格, any other 基本合格. The quota is never exceeded: grids with
 * the same score are ordered by {@link #TIE_RULE}.
 */
public final class QuarterGrades {

    /** How grids with the same score are ordered, in the words the page shows. */
    public static final String TIE_RULE = "得分相同者，季度有效上报数多者在前；仍相同者按区划代码升序";

    /**
     * A grid to grade.
     *
     * @param score        its score for the quarter
     * @param validReports its workers' valid reports of the quarter: the first tie-break
     * @param qualifiedAt  the 合格 bar of the rules it is scored by
     */
    public record Candidate(String code, BigDecimal score, long validReports, BigDecimal qualifiedAt) {
    }

    /** A grid's place (1 = first) and grade. */
    public record Graded(Candidate candidate, int rank, QuarterGrade grade) {
    }

    private QuarterGrades() {
    }

    /** How many of {@code graded} grids may be 优秀 under {@code share} (0–1): rounded down, never more. */
    public static int quota(int graded, BigDecimal share) {
        return share.multiply(BigDecimal.valueOf(graded)).setScale(0, RoundingMode.FLOOR).intValue();
    }

    /** {@code candidates} ranked and graded, first place first. */
    public static List<Graded> grade(List<Candidate> candidates, BigDecimal excellentShare) {
        List<Candidate> ranked = candidates.stream()
                .sorted(Comparator.comparing(Candidate::score).reversed()
                        .thenComparing(Comparator.comparingLong(Candidate::validReports).reversed())
                        .thenComparing(Candidate::code))
                .toList();
        int quota = quota(ranked.size(), excellentShare);
        List<Graded> out = new ArrayList<>(ranked.size());
        for (int i = 0; i < ranked.size(); i++) {
            Candidate c = ranked.get(i);
            QuarterGrade grade = i < quota ? QuarterGrade.EXCELLENT
                    : c.score().compareTo(c.qualifiedAt()) >= 0 ? QuarterGrade.QUALIFIED
                    : QuarterGrade.BASICALLY_QUALIFIED;
            out.add(new Graded(c, i + 1, grade));
        }
        return out;
    }
}
