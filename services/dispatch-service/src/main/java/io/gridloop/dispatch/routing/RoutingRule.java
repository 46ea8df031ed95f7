package io.gridloop.dispatch.routing;

import io.gridloop.contracts.event.EventCategory;
import io.gridloop.contracts.area.AreaLevel;

import java.util.Comparator;

/**
 * One routing rule (分流规则): cases of {@code subCategory} (or of any sub-category of {@code category}, or of
 * anything when both are absent), handled at {@code level} (or any level), in an area whose code starts with
 * {@code areaPrefix} (empty: everywhere) go to {@code target}.
 *
 * <p>When several rules match, the most specific wins: a sub-category beats a category beats anything; then the
 * longer area prefix; then a rule for the level beats one for any level. Two rules may not be equally specific
 * for the same cases: validation refuses such a rule set, so the winner is never a matter of order.
 */
public record RoutingRule(String id, String subCategory, EventCategory category, AreaLevel level,
                          String areaPrefix, RuleTarget target, String note) {

    /** Most specific first. */
    static final Comparator<RoutingRule> MOST_SPECIFIC_FIRST = Comparator
            .comparing((RoutingRule r) -> r.subCategory != null)
            .thenComparing(r -> r.category != null)
            .thenComparingInt(r -> r.area().length())
            .thenComparing(r -> r.level != null)
            .reversed();

    public String area() {
        return areaPrefix == null ? "" : areaPrefix;
    }

    /** Whether the rule can match cases of {@code areaCode}: the area lies in its prefix, or contains it. */
    public boolean reaches(String areaCode) {
        return areaCode.startsWith(area()) || area().startsWith(areaCode);
    }

    boolean matches(String caseSubCategory, EventCategory caseCategory, AreaLevel caseLevel, String gridCode) {
        return (subCategory == null || subCategory.equals(caseSubCategory))
                && (category == null || category == caseCategory)
                && (level == null || level == caseLevel)
                && gridCode.startsWith(area());
    }

    /** Rules with the same key match exactly the same cases at the same specificity. */
    String matchKey() {
        return subCategory + "|" + category + "|" + level + "|" + area();
    }
}
