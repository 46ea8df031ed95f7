package io.gridloop.dispatch.routing;

import io.gridloop.contracts.area.AreaPath;
import io.gridloop.contracts.catalogue.SubCategory;
import io.gridloop.contracts.catalogue.SubCategoryCatalogue;
import io.gridloop.contracts.event.EventCategory;
import io.gridloop.contracts.area.AreaLevel;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One version of the routing rules. Versions are never changed, only replaced by the next one, so a case's
 * recorded rule ({@code id@vN}) always points at what actually decided it.
 */
public final class RuleSet {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");
    private static final Pattern DEPARTMENT = Pattern.compile("[A-Z][A-Z0-9_]{0,31}");
    private static final Set<Integer> AREA_LENGTHS = Set.of(0, 6, 9, 12, 15);

    private final long version;
    private final List<RoutingRule> rules;

    public RuleSet(long version, List<RoutingRule> rules) {
        this.version = version;
        List<RoutingRule> sorted = new ArrayList<>(rules);
        sorted.sort(RoutingRule.MOST_SPECIFIC_FIRST);
        this.rules = List.copyOf(sorted);
    }

    public long version() {
        return version;
    }

    /** The rules, most specific first. */
    public List<RoutingRule> rules() {
        return rules;
    }

    /** The unit the most specific matching rule names; empty: no rule matches, a person must triage. */
    public Optional<RoutingDecision> decide(String subCategory, EventCategory category, AreaLevel level,
                                            AreaPath area) {
        for (RoutingRule rule : rules) {
            if (rule.matches(subCategory, category, level, area.gridCode())) {
                return Optional.of(new RoutingDecision(rule.target().resolve(area, level),
                        rule.id() + "@v" + version));
            }
        }
        return Optional.empty();
    }

    /** What the rules say when a case is routed again from the triage desk. */
    public sealed interface Retriage {
        /** the rules' unit takes it */
        record Routed(RoutingDecision decision) implements Retriage {
        }

        /** no rule matches: a person must choose */
        record NoRule() implements Retriage {
        }

        /** the rules would send it back to the unit that just returned it (退单): a person must choose */
        record ToReturningUnit(HandlingUnit unit) implements Retriage {
        }
    }

    /**
     * 分流 from the triage desk: the unit the rules pick — but never the unit that returned the case, which said
     * the case is not theirs; then a person must choose.
     *
     * @param returnedBy the unit that returned the case, if it was returned
     */
    public Retriage retriage(String subCategory, EventCategory category, AreaLevel level, AreaPath area,
                             Optional<String> returnedBy) {
        Optional<RoutingDecision> decision = decide(subCategory, category, level, area);
        if (decision.isEmpty()) {
            return new Retriage.NoRule();
        }
        HandlingUnit unit = decision.get().unit();
        return returnedBy.filter(unit.code()::equals).isPresent() ? new Retriage.ToReturningUnit(unit)
                : new Retriage.Routed(decision.get());
    }

    /**
     * 上报 (escalation) one level up, to {@code up}: a unit the rules name at that level or above (a department of
     * the district, say), else that level's grid centre — never a unit below it, as "逐级上报" asks.
     */
    public RoutingDecision escalate(String subCategory, EventCategory category, AreaLevel up, AreaPath area) {
        return decide(subCategory, category, up, area).filter(d -> d.unit().level().compareTo(up) >= 0)
                .orElse(RoutingDecision.manual(GridCentres.centre(up, area)));
    }

    /** A problem with a proposed rule set, in words an administrator understands. */
    public record Problem(String field, String message) {
    }

    /**
     * What is wrong with {@code rules}; empty if nothing. Besides each rule's own fields, it checks that no two
     * rules are equally specific for the same cases and that every sub-category of the catalogue is routable
     * everywhere at the level that handles it first.
     */
    public static List<Problem> validate(List<RoutingRule> rules, SubCategoryCatalogue catalogue) {
        List<Problem> problems = new ArrayList<>();
        if (rules == null || rules.isEmpty()) {
            problems.add(new Problem("rules", "至少需要一条分流规则"));
            return problems;
        }
        Set<String> ids = new HashSet<>();
        Map<String, String> keys = new HashMap<>();
        for (int i = 0; i < rules.size(); i++) {
            RoutingRule r = rules.get(i);
            String at = "rules[" + i + "]";
            if (r == null) {
                problems.add(new Problem(at, "规则不能为空"));
                continue;
            }
            if (r.id() == null || !ID.matcher(r.id()).matches()) {
                problems.add(new Problem(at + ".id", "规则编号须为1至64位字母、数字、连字符或下划线"));
            } else if (!ids.add(r.id())) {
                problems.add(new Problem(at + ".id", "规则编号 " + r.id() + " 重复"));
            }
            if (r.subCategory() != null) {
                Optional<SubCategory> sub = catalogue.find(r.subCategory());
                if (sub.isEmpty()) {
                    problems.add(new Problem(at + ".subCategory", "事项小类 " + r.subCategory() + " 不在目录中"));
                } else if (r.category() != null && r.category() != sub.get().category()) {
                    problems.add(new Problem(at + ".category", "事项小类「" + sub.get().name() + "」不属于大类「"
                            + r.category().label() + "」"));
                }
            }
            if (!r.area().chars().allMatch(Character::isDigit) || !AREA_LENGTHS.contains(r.area().length())) {
                problems.add(new Problem(at + ".areaPrefix",
                        "区域编码须为空（全部地区）或6位区县、9位街道、12位社区、15位网格编码"));
            }
            targetProblem(r.target()).ifPresent(m -> problems.add(new Problem(at + ".target", m)));
            String previous = keys.putIfAbsent(r.matchKey(), r.id());
            if (previous != null) {
                problems.add(new Problem(at, "规则 " + r.id() + " 与规则 " + previous + " 适用于完全相同的案件，无法判定优先"));
            }
        }
        if (problems.isEmpty()) {
            RuleSet candidate = new RuleSet(0, rules);
            for (SubCategory sub : catalogue.all()) {
                boolean everywhere = candidate.rules.stream().anyMatch(r -> r.area().isEmpty()
                        && r.matches(sub.code(), sub.category(), sub.defaultLevel(), ""));
                if (!everywhere) {
                    problems.add(new Problem("rules", "事项小类「" + sub.name() + "」（" + sub.code() + "）在首办层级「"
                            + sub.defaultLevel().label() + "」没有适用于全部地区的分流规则"));
                }
            }
        }
        return problems;
    }

    private static Optional<String> targetProblem(RuleTarget t) {
        if (t == null || t.kind() == null) {
            return Optional.of("须指定去向（CENTRE、DEPARTMENT 或 UNIT）");
        }
        return switch (t.kind()) {
            case CENTRE -> Optional.empty();
            case DEPARTMENT -> t.department() == null || !DEPARTMENT.matcher(t.department()).matches()
                    || blank(t.name())
                    ? Optional.of("职能部门须有部门代码（大写字母、数字、下划线）和名称") : Optional.empty();
            case UNIT -> blank(t.code()) || blank(t.name()) || t.level() == null
                    ? Optional.of("指定单位须有编码、名称和层级") : Optional.empty();
        };
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
