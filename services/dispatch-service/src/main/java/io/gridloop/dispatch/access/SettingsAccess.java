package io.gridloop.dispatch.access;

import io.gridloop.dispatch.routing.RoutingRule;
import io.gridloop.platform.security.Caller;
import io.gridloop.platform.config.InstallationSettings;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Who may change the settings every district shares. Routing rules belong to the area their prefix names: an
 * administrator changes (adds, edits, removes) only rules inside their own areas; rules without a prefix, and
 * the holiday calendar, hold for the whole installation — a city, or a province with many cities — and are for
 * administrators whose areas cover all of it ({@code gridloop.installation-area}): in a province's installation,
 * one city's administrator does not change the province's calendar.
 */
@Component
public class SettingsAccess {

    private final String installationArea;

    public SettingsAccess(InstallationSettings installation) {
        this.installationArea = installation.installationArea();
    }

    /** Whether the caller's areas cover the whole installation. */
    public boolean installationWide(Caller caller) {
        return caller.covers(installationArea);
    }

    public void checkMayChangeCalendar(Caller caller) {
        if (!installationWide(caller)) {
            throw Caller.forbidden("节假日安排对本平台所辖全部地区（" + installationArea + "）生效，须由该级管理员修改");
        }
    }

    /** The rules an administrator sees: those of their areas, and those of the whole installation. */
    public List<RoutingRule> visibleRules(Caller caller, List<RoutingRule> rules) {
        return rules.stream().filter(r -> sees(caller, r)).toList();
    }

    private static boolean sees(Caller caller, RoutingRule rule) {
        return rule.area().isEmpty() || caller.covers(rule.area());
    }

    /**
     * The whole next rule set, from what an administrator sent: the rules they cannot see are not theirs to
     * remove by leaving them out, so they are kept (after the caller's own, in their order).
     */
    public List<RoutingRule> withRulesOutOfSight(Caller caller, List<RoutingRule> current, List<RoutingRule> sent) {
        List<RoutingRule> next = new ArrayList<>(sent);
        Set<String> sentIds = new LinkedHashSet<>();
        sent.forEach(r -> sentIds.add(r.id()));
        for (RoutingRule rule : current) {
            if (!sees(caller, rule) && !sentIds.contains(rule.id())) {
                next.add(rule);
            }
        }
        return next;
    }

    /** 403 naming the rules outside the caller's reach, if the new set changes any of them. */
    public void checkMayReplace(Caller caller, List<RoutingRule> current, List<RoutingRule> next) {
        Map<String, RoutingRule> before = byId(current);
        Map<String, RoutingRule> after = byId(next);
        Set<String> ids = new LinkedHashSet<>(before.keySet());
        ids.addAll(after.keySet());
        List<String> outside = new ArrayList<>();
        for (String id : ids) {
            RoutingRule was = before.get(id);
            RoutingRule now = after.get(id);
            if (Objects.equals(was, now)) {
                continue;
            }
            if ((was != null && !mayChange(caller, was)) || (now != null && !mayChange(caller, now))) {
                outside.add(id);
            }
        }
        if (!outside.isEmpty()) {
            throw Caller.forbidden("超出管辖范围的分流规则不能修改：" + String.join("、", outside))
                    .with("outsideRules", outside);
        }
    }

    private boolean mayChange(Caller caller, RoutingRule rule) {
        return rule.area().isEmpty() ? installationWide(caller) : caller.covers(rule.area());
    }

    private static Map<String, RoutingRule> byId(List<RoutingRule> rules) {
        Map<String, RoutingRule> out = new LinkedHashMap<>();
        for (RoutingRule r : rules == null ? List.<RoutingRule>of() : rules) {
            out.put(r.id(), r);
        }
        return out;
    }
}
