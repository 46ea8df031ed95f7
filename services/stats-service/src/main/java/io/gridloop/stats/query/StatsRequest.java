package io.gridloop.stats.query;

import io.gridloop.platform.problem.Refusal;
import io.gridloop.contracts.event.EventCategory;
import io.gridloop.contracts.event.ReportSource;
import io.gridloop.contracts.area.AreaLevel;
import io.gridloop.stats.formula.Formula;
import io.gridloop.stats.formula.Formulas;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The query parameters of a statistics table, checked; every refusal is a 400 the caller can act on. */
public record StatsRequest(AreaLevel level, String parent, Period period, CountFilter filter, Formula rankBy) {

    public static StatsRequest of(String level, String parent, String period, String category, String source,
                                  String rankBy, Formulas formulas, Clock clock) {
        AreaLevel l = AreaLevel.parse(level).orElseThrow(() -> new Refusal(Refusal.Kind.MALFORMED, "UNSUPPORTED_LEVEL", "不支持的统计层级", "level 只能是 city、district、street、community 或 grid：" + level)
                .with("levels", Arrays.stream(AreaLevel.values()).map(a -> a.name().toLowerCase(Locale.ROOT)).toList()));
        String p = parent == null || parent.isBlank() ? null : parent.trim();
        if (p != null && !p.matches("\\d{6,15}")) {
            throw new Refusal(Refusal.Kind.MALFORMED, "BAD_PARENT", "上级区划代码无效",
                    "parent 应为6至15位数字的区划代码：" + parent);
        }
        Period per = period == null || period.isBlank() ? Period.currentMonth(clock) : period(period);
        EventCategory c = category == null || category.isBlank() ? null : parseEnum(EventCategory.class, category,
                "UNKNOWN_CATEGORY", "未知的事件大类");
        ReportSource s = source == null || source.isBlank() ? null : parseEnum(ReportSource.class, source,
                "UNKNOWN_SOURCE", "未知的事件来源");
        Formula rank = formulas.byCode(rankBy == null || rankBy.isBlank() ? "completionRate" : rankBy)
                .orElseThrow(() -> new Refusal(Refusal.Kind.MALFORMED, "UNKNOWN_FORMULA", "未知的排名指标",
                        "rankBy 应为已配置的指标代码：" + rankBy)
                        .with("formulas", formulas.formulas().stream().map(Formula::code).toList()));
        return new StatsRequest(l, p, per, new CountFilter(c, s), rank);
    }

    public static Period period(String text) {
        return Period.parse(text).orElseThrow(() -> new Refusal(Refusal.Kind.MALFORMED, "BAD_PERIOD",
                "统计周期无效", "period 的格式为 2026-11-23（日）、2026-11（月）、2026-Q3（季度）或 2026（年）：" + text));
    }

    private static <E extends Enum<E>> E parseEnum(Class<E> type, String text, String code, String title) {
        try {
            return Enum.valueOf(type, text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            List<String> allowed = Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
            throw new Refusal(Refusal.Kind.MALFORMED, code, title, title + "：" + text).with("allowed", allowed);
        }
    }
}
