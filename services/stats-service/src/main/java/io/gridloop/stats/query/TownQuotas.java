package io.gridloop.stats.query;

import io.gridloop.contracts.area.AreaCode;
import io.gridloop.platform.problem.Refusal;
import io.gridloop.platform.security.Caller;
import io.gridloop.stats.StatsSettings;
import io.gridloop.stats.access.AreaAccess;
import io.gridloop.stats.counting.Measure;
import io.gridloop.stats.formula.Formulas;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.List;

/**
 * 乡镇任务 (怀来县: "每个乡镇按要求定期上报并解决 20 个有效事件"): how far each street or town of an area has come
 * with its quota for the period — valid events reported (neither invalidated nor merged into another's case) and
 * of them solved (办结).
 */
@Component
class TownQuotas {

    private final StatsQueries queries;
    private final Formulas formulas;
    private final StatsSettings.TownQuota quota;
    private final Clock clock;

    TownQuotas(StatsQueries queries, Formulas formulas, StatsSettings settings, Clock clock) {
        this.queries = queries;
        this.formulas = formulas;
        this.quota = settings.townQuota();
        this.clock = clock;
    }

    /**
     * @param kind      街道, 镇 or 乡 (by the division code)
     * @param shortfall solved events still missing for the quota (0 once met)
     */
    record Progress(String areaCode, String areaName, String kind, long validReported, long solved, int quota,
                    boolean met, long shortfall) {
    }

    record QuotaTable(String period, String periodLabel, String parent, String parentName, int quota,
                      int met, List<Progress> rows) {
    }

    /** Every street and town under {@code parent} (default: the caller's areas) for {@code period} (default: the current one). */
    QuotaTable of(String period, String parent) {
        Period.Kind kind = Period.Kind.valueOf(quota.period());
        String p = period == null || period.isBlank() ? Period.currentText(kind, clock) : period;
        StatsRequest r = StatsRequest.of("street", parent, p, null, null, null, formulas, clock);
        if (r.period().kind() != kind) {
            throw new Refusal(Refusal.Kind.MALFORMED, "BAD_PERIOD", "统计周期不符",
                    "乡镇任务按" + kind.label() + "考核，period 须为一个" + kind.label() + "：" + p);
        }
        Caller caller = AreaAccess.checkParent(r.parent());
        StatsTable table = queries.table(r, caller::covers);
        List<Progress> rows = table.rows().stream().map(row -> {
            long valid = row.counts().get(Measure.REPORTED.code()) - row.counts().get(Measure.INVALIDATED.code())
                    - row.counts().get(Measure.MERGED.code());
            long solved = row.counts().get(Measure.CLOSED.code());
            int q = quota.validEvents();
            return new Progress(row.areaCode(), row.areaName(), AreaCode.of(row.areaCode()).streetKind(), valid, solved,
                    q, solved >= q, Math.max(0, q - solved));
        }).toList();
        return new QuotaTable(r.period().text(), r.period().label(), r.parent(), table.parentName(),
                quota.validEvents(), (int) rows.stream().filter(Progress::met).count(), rows);
    }
}
