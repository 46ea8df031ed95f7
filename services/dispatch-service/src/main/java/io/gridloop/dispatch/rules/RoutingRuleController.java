package io.gridloop.dispatch.rules;

import io.gridloop.dispatch.access.SettingsAccess;
import io.gridloop.platform.security.Caller;
import io.gridloop.contracts.event.EventCategory;
import io.gridloop.contracts.area.AreaLevel;
import io.gridloop.contracts.area.AreaPath;
import io.gridloop.dispatch.routing.RoutingDecision;
import io.gridloop.dispatch.routing.RoutingRule;
import io.gridloop.dispatch.routing.GridCentres;
import io.gridloop.platform.web.ApiException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;

/**
 * Routing rules for administrators: the current version, its history, replacing it, and a preview of which
 * unit a case would go to.
 */
@RestController
class RoutingRuleController {

    private final RoutingRules rules;

    private final SettingsAccess access;

    RoutingRuleController(RoutingRules rules, SettingsAccess access) {
        this.rules = rules;
        this.access = access;
    }

    /** A version of the rules as one administrator sees it: the rules within their reach. */
    record RuleSetView(long version, String changedBy, Instant changedAt, String comment, List<RoutingRule> rules) {
        static RuleSetView of(RoutingRules.StoredRuleSet s, List<RoutingRule> visible) {
            return new RuleSetView(s.id(), s.changedBy(), s.changedAt(), s.comment(), visible);
        }
    }

    private RuleSetView view(RoutingRules.StoredRuleSet s, Caller caller) {
        return RuleSetView.of(s, access.visibleRules(caller, s.rules()));
    }

    record VersionSummary(long version, String changedBy, Instant changedAt, String comment, int ruleCount) {
    }

    record VersionPage(int page, int size, long total, List<VersionSummary> items) {
    }

    /**
     * A new version of the rules.
     *
     * @param basedOnVersion the version these rules were edited from
     */
    record RuleSetRequest(@NotNull(message = "不能为空") Long basedOnVersion, List<RoutingRule> rules,
                          @Size(max = 500, message = "长度不能超过500") String comment) {
    }

    record DecisionView(boolean matched, String unitCode, String unitName, AreaLevel unitLevel, String rule) {
    }

    /** The current rules within the caller's reach: those of their areas and those of the whole installation. */
    @GetMapping("/api/v1/admin/routing-rules")
    RuleSetView current() {
        return view(rules.current().stored(), Caller.current());
    }

    /**
     * A new version of the rules within the caller's reach; the rules of other areas, which the caller neither
     * sees nor sends, stay as they are.
     */
    @PutMapping("/api/v1/admin/routing-rules")
    RuleSetView replace(@RequestBody @Valid RuleSetRequest request) {
        Caller caller = Caller.current();
        List<RoutingRule> current = rules.current().stored().rules();
        List<RoutingRule> next = access.withRulesOutOfSight(caller, current,
                request.rules() == null ? List.of() : request.rules());
        access.checkMayReplace(caller, current, next);
        return view(rules.replace(next, request.basedOnVersion(), caller.id(), request.comment()).stored(), caller);
    }

    @GetMapping("/api/v1/admin/routing-rules/versions")
    VersionPage versions(@RequestParam(defaultValue = "0") @Min(value = 0, message = "不能小于0") int page,
                         @RequestParam(defaultValue = "20") @Min(value = 1, message = "不能小于1")
                         @Max(value = 100, message = "不能大于100") int size) {
        Caller caller = Caller.current();
        return new VersionPage(page, size, rules.count(), rules.versions(page, size).stream()
                .map(s -> new VersionSummary(s.id(), s.changedBy(), s.changedAt(), s.comment(),
                        access.visibleRules(caller, s.rules()).size()))
                .toList());
    }

    @GetMapping("/api/v1/admin/routing-rules/versions/{version}")
    RuleSetView version(@PathVariable long version) {
        Caller caller = Caller.current();
        return rules.version(version).map(s -> view(s, caller)).orElseThrow(() -> new ApiException(
                HttpStatus.NOT_FOUND, "ROUTING_RULES_VERSION_NOT_FOUND", "分流规则版本不存在",
                "没有第 " + version + " 版分流规则"));
    }

    /** Which unit the current rules would pick for a case; unmatched cases go to manual triage. */
    @GetMapping("/api/v1/routing/decision")
    DecisionView decide(@RequestParam(required = false) String subCategory,
                        @RequestParam EventCategory category,
                        @RequestParam AreaLevel level,
                        @RequestParam @Pattern(regexp = "\\d{15}", message = "网格编码必须是15位数字") String gridCode,
                        @RequestParam(defaultValue = "") String districtName) {
        AreaPath area = AreaPath.ofGrid(gridCode, districtName);
        return rules.current().rules().decide(subCategory, category, level, area)
                .map(d -> view(d, true))
                .orElseGet(() -> view(RoutingDecision.manual(GridCentres.triage(area)), false));
    }

    private static DecisionView view(RoutingDecision d, boolean matched) {
        return new DecisionView(matched, d.unit().code(), d.unit().name(), d.unit().level(), d.rule());
    }
}
