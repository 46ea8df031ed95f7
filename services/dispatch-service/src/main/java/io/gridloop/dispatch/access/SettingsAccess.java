package io.gridloop.dispatch.access;

import io.gridloop.dispatch.routing.RoutingRule;
import io.gridloop.platform.security.Caller;

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
 * the holiday calendar, hold for the whole deployment and are for administrators of a city or more.
 */
public final class SettingsAccess {

    private SettingsAccess() {
    }

    /** Whether the caller's areas include a whole city (a code of at most four digits) or the country. */
    public static boolean citywide(Caller caller) {
        return caller.areas().stream().anyMatch(a -> a.equals(Caller.WHOLE_COUNTRY) || a.length() <= 4);
    }

    public static void checkMayChangeCalendar(Caller caller) {
        if (!citywide(caller)) {
            throw Caller.forbidden("节假日安排对全市生效，须由市级（或以上）管理员修改");
        }
    }

    /** 403 naming the rules outside the caller's reach, if the new set changes any of them. */
    public static void checkMayReplace(Caller caller, List<RoutingRule> current, List<RoutingRule> next) {
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

    private static boolean mayChange(Caller caller, RoutingRule rule) {
        return rule.area().isEmpty() ? citywide(caller) : caller.covers(rule.area());
    }

    private static Map<String, RoutingRule> byId(List<RoutingRule> rules) {
        Map<String, RoutingRule> out = new LinkedHashMap<>();
        for (RoutingRule r : rules == null ? List.<RoutingRule>of() : rules) {
            out.put(r.id(), r);
        }
        return out;
    }
}
