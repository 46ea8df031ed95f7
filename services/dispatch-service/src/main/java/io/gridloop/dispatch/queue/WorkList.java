package io.gridloop.dispatch.queue;

import io.gridloop.contracts.area.AreaCode;
import io.gridloop.contracts.event.CaseState;
import io.gridloop.contracts.event.EventCategory;
import io.gridloop.contracts.event.ReportSource;
import io.gridloop.dispatch.routing.GridCentres;
import org.springframework.data.mongodb.core.query.Criteria;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The dispatch centre's work lists (指挥中心工作台) over the open cases of an area: the tabs an operator works
 * through every day, and the filters of the 在办 list. Only open cases: the closed ones are the statistics' and the
 * search's, so these lists never grow with the year.
 */
public final class WorkList {

    /** The tabs, in the order the page shows them. */
    public enum Tab {
        /** 待分流: at the district's triage desk — no rule matched, or a unit returned the case (退单). */
        TRIAGE("待分流"),
        /** 在办: every open case. */
        OPEN("在办"),
        /** 待复核: the unit fed back; the centre reviews the result. */
        REVIEW("待复核"),
        /** 延期待审: a unit asked for more time. */
        EXTENSION("延期待审"),
        /** 预警/超期: the deadline approaches or passed (督办). */
        ATTENTION("预警超期");

        private final String label;

        Tab(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        /** Whether an open case (its marks) belongs on this tab. */
        boolean holds(OpenCases.Marks c) {
            return switch (this) {
                case TRIAGE -> c.handlingUnit() != null && c.handlingUnit().endsWith(TRIAGE_SUFFIX);
                case OPEN -> true;
                case REVIEW -> c.state() == CaseState.FEEDBACK_SUBMITTED;
                case EXTENSION -> c.state() == CaseState.EXTENSION_REQUESTED;
                case ATTENTION -> c.warned() || c.overdue();
            };
        }
    }

    private static final String TRIAGE_SUFFIX = GridCentres.triageCode("");

    /**
     * What the 在办 list is filtered by; absent fields filter nothing.
     *
     * @param area      the district, street, community or grid whose cases are listed
     * @param unit      the handling unit's code
     * @param attention {@code warned}: 预警 (deadline near), {@code overdue}: 超期
     * @param from      reported at or after
     * @param to        reported before
     */
    public record Filter(String area, Tab tab, CaseState state, EventCategory category, String subCategory,
                         ReportSource source, String unit, String attention, Instant from, Instant to) {

        Criteria criteria() {
            List<Criteria> all = new ArrayList<>();
            all.add(inArea(area));
            switch (tab == null ? Tab.OPEN : tab) {
                case TRIAGE -> all.add(Criteria.where("handlingUnit").regex(Pattern.quote(TRIAGE_SUFFIX) + "$"));
                case REVIEW -> all.add(Criteria.where("state").is(CaseState.FEEDBACK_SUBMITTED));
                case EXTENSION -> all.add(Criteria.where("state").is(CaseState.EXTENSION_REQUESTED));
                case ATTENTION -> all.add(new Criteria().orOperator(Criteria.where("warned").is(true),
                        Criteria.where("overdue").is(true)));
                case OPEN -> {
                }
            }
            if (state != null) {
                all.add(Criteria.where("state").is(state));
            }
            if (category != null) {
                all.add(Criteria.where("category").is(category));
            }
            if (subCategory != null) {
                all.add(Criteria.where("subCategory").is(subCategory));
            }
            if (source != null) {
                all.add(Criteria.where("source").is(source));
            }
            if (unit != null) {
                all.add(Criteria.where("handlingUnit").is(unit));
            }
            if ("overdue".equals(attention)) {
                all.add(Criteria.where("overdue").is(true));
            } else if ("warned".equals(attention)) {
                all.add(Criteria.where("warned").is(true).and("overdue").is(false));
            }
            if (from != null || to != null) {
                Criteria reported = Criteria.where("reportedAt");
                if (from != null) {
                    reported = reported.gte(from);
                }
                if (to != null) {
                    reported = reported.lt(to);
                }
                all.add(reported);
            }
            return new Criteria().andOperator(all);
        }
    }

    /**
     * The open cases of an area: a district's by its code, a city's or province's by its districts' common prefix
     * (a city's six-digit code ends in 00), smaller areas by their grids' common prefix.
     */
    static Criteria inArea(String area) {
        AreaCode code = AreaCode.parse(area).orElse(null);
        if (code == null) {
            return Criteria.where("districtCode").regex("^" + Pattern.quote(area));
        }
        return switch (code.level()) {
            case CITY -> Criteria.where("districtCode").regex("^" + Pattern.quote(code.prefix()));
            case DISTRICT -> Criteria.where("districtCode").is(area);
            default -> Criteria.where("gridCode").regex("^" + Pattern.quote(area));
        };
    }

    private WorkList() {
    }
}
