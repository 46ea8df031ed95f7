package io.gridloop.stats.assessment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A programme's scoring rules (考核赋分规则) from a month on: a base score, points per unit of each measure up to a
 * cap, and the scores from which a month is 合格 and 优秀. Scores are kept to one decimal, as assessment forms
 * show them.
 *
 * @param programme     the area whose grid workers these rules assess: a city (4 digits), district (6), street
 *                      (9); the most specific programme covering a grid applies
 * @param effectiveFrom the first month assessed by these rules
 * @param baseScore     every worker's score before any measure (0 where every point is earned)
 * @param qualifiedAt   the lowest score that is 合格
 * @param excellentAt   the lowest score that is 优秀
 */
public record ScoringRules(String programme, YearMonth effectiveFrom, BigDecimal baseScore, BigDecimal qualifiedAt,
                           BigDecimal excellentAt, List<Rule> rules) {

    /** The most points one measure can earn or cost a month, and the highest score a programme may use. */
    static final BigDecimal MAX_POINTS = BigDecimal.valueOf(100);

    public ScoringRules {
        rules = rules == null ? List.of() : List.copyOf(rules);
    }

    /**
     * Points per unit of a measure, at most {@code cap} in a month (earned, or for a penalty, lost).
     *
     * @param measure a {@link Measure} name (checked by {@link #problems()}, so a wrong one is named, not a 400)
     */
    public record Rule(String measure, BigDecimal pointsPerUnit, BigDecimal cap) {
    }

    /** A problem with the rules, named by the field it is in (as the API's {@code errors[]} name them). */
    public record Problem(String field, String message) {
    }

    /** Every problem, in the order of the fields; empty for rules that can be used. */
    public List<Problem> problems() {
        List<Problem> problems = new ArrayList<>();
        if (programme == null || !programme.matches("\\d{4}|\\d{6}|\\d{9}")) {
            problems.add(new Problem("programme", "考核范围须为市（4位）、区县（6位）或街道乡镇（9位）区划代码"));
        }
        if (effectiveFrom == null) {
            problems.add(new Problem("effectiveFrom", "请填写起用月份"));
        }
        score("baseScore", baseScore, problems);
        score("qualifiedAt", qualifiedAt, problems);
        score("excellentAt", excellentAt, problems);
        if (qualifiedAt != null && excellentAt != null && qualifiedAt.compareTo(excellentAt) >= 0) {
            problems.add(new Problem("excellentAt", "优秀分数线须高于合格分数线"));
        }
        if (rules.isEmpty()) {
            problems.add(new Problem("rules", "至少须有一项考核指标"));
        }
        Set<String> seen = new HashSet<>();
        BigDecimal reachable = baseScore == null ? BigDecimal.ZERO : baseScore;
        boolean unbounded = false;
        for (int i = 0; i < rules.size(); i++) {
            Rule r = rules.get(i);
            String at = "rules[" + i + "]";
            Measure measure = measureOf(r.measure());
            if (r.measure() == null || r.measure().isBlank()) {
                problems.add(new Problem(at + ".measure", "请选择考核指标"));
            } else if (measure == null) {
                problems.add(new Problem(at + ".measure", "没有名为「" + r.measure() + "」的考核指标"));
            } else if (!seen.add(r.measure())) {
                problems.add(new Problem(at + ".measure", "考核指标「" + measure.label() + "」重复"));
            }
            if (r.pointsPerUnit() == null || r.pointsPerUnit().signum() == 0) {
                problems.add(new Problem(at + ".pointsPerUnit", "每项分值不能为空或为0"));
            } else if (r.pointsPerUnit().abs().compareTo(MAX_POINTS) > 0) {
                problems.add(new Problem(at + ".pointsPerUnit", "每项分值不能超过100分"));
            } else if (measure != null && measure.penalty() != (r.pointsPerUnit().signum() < 0)) {
                problems.add(new Problem(at + ".pointsPerUnit", measure.penalty()
                        ? "「" + measure.label() + "」是扣分项，分值须为负数" : "「" + measure.label() + "」是得分项，分值须为正数"));
            }
            if (r.cap() != null && (r.cap().signum() <= 0 || r.cap().compareTo(MAX_POINTS) > 0)) {
                problems.add(new Problem(at + ".cap", "封顶分须大于0且不超过100分"));
            }
            if (r.pointsPerUnit() != null && r.pointsPerUnit().signum() > 0) {
                if (r.cap() == null) {
                    unbounded = true;
                } else {
                    reachable = reachable.add(r.cap());
                }
            }
        }
        if (!unbounded && excellentAt != null && excellentAt.compareTo(reachable) > 0) {
            problems.add(new Problem("excellentAt", "优秀分数线高于可得的最高分（" + reachable.stripTrailingZeros()
                    .toPlainString() + "分），无人能评为优秀"));
        }
        return problems;
    }

    private static void score(String field, BigDecimal value, List<Problem> problems) {
        if (value == null) {
            problems.add(new Problem(field, "不能为空"));
        } else if (value.signum() < 0 || value.compareTo(MAX_POINTS) > 0) {
            problems.add(new Problem(field, "须在0到100分之间"));
        }
    }

    private static Measure measureOf(String name) {
        for (Measure m : Measure.values()) {
            if (m.name().equals(name)) {
                return m;
            }
        }
        return null;
    }

    /** A month's score under these rules: each measure's points (capped), their sum on the base, and its grade. */
    public Score score(Map<Measure, Long> counts) {
        Map<Measure, BigDecimal> points = new EnumMap<>(Measure.class);
        BigDecimal total = baseScore;
        for (Rule r : rules) {
            Measure measure = Measure.valueOf(r.measure());
            BigDecimal earned = r.pointsPerUnit().multiply(BigDecimal.valueOf(counts.getOrDefault(measure, 0L)));
            if (r.cap() != null && earned.abs().compareTo(r.cap()) > 0) {
                earned = r.cap().multiply(BigDecimal.valueOf(earned.signum()));
            }
            points.put(measure, earned.setScale(1, RoundingMode.HALF_UP));
            total = total.add(earned);
        }
        total = total.max(BigDecimal.ZERO).setScale(1, RoundingMode.HALF_UP);
        Grade grade = total.compareTo(excellentAt) >= 0 ? Grade.EXCELLENT
                : total.compareTo(qualifiedAt) >= 0 ? Grade.QUALIFIED : Grade.UNQUALIFIED;
        return new Score(total, grade, points);
    }

    /** A month's score: the total (never below 0), its grade, and the points of each measure. */
    public record Score(BigDecimal total, Grade grade, Map<Measure, BigDecimal> points) {
    }
}
