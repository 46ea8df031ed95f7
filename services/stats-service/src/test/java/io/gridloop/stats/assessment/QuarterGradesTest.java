package io.gridloop.stats.assessment;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class QuarterGradesTest {

    private static QuarterGrades.Candidate grid(String code, String score, long validReports) {
        return new QuarterGrades.Candidate(code, new BigDecimal(score), validReports, new BigDecimal("70"));
    }

    @Test
    void shouldNeverGiveMoreExcellentGradesThanTheQuotaAndBreakTiesByReportsThenCode() {
        // Five grids, 40 % may be 优秀: two. Three share the second place's score.
        List<QuarterGrades.Graded> graded = QuarterGrades.grade(List.of(
                grid("003", "80.0", 9), grid("001", "91.5", 2), grid("002", "80.0", 12), grid("005", "80.0", 12),
                grid("004", "65.0", 30)), new BigDecimal("0.4"));

        assertThat(graded).extracting(g -> g.candidate().code() + ":" + g.rank() + ":" + g.grade()).containsExactly(
                "001:1:EXCELLENT",
                // Same score, more valid reports: ahead of 003; same reports too: the lower code first.
                "002:2:EXCELLENT", "005:3:QUALIFIED", "003:4:QUALIFIED",
                "004:5:BASICALLY_QUALIFIED");
    }

    @Test
    void shouldRoundTheQuotaDown() {
        assertThat(QuarterGrades.quota(725, new BigDecimal("0.49"))).isEqualTo(355);
        assertThat(QuarterGrades.quota(3, new BigDecimal("0.3"))).isZero();
        assertThat(QuarterGrades.quota(0, new BigDecimal("0.3"))).isZero();
    }
}
