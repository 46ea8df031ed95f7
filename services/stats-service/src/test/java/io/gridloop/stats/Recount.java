package io.gridloop.stats;

import io.gridloop.contracts.event.CaseState;
import io.gridloop.contracts.event.VisitSatisfaction;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;

/** The figures of a set of generated cases counted straight from how each ended, without the code under test. */
public final class Recount {

    private Recount() {
    }

    public static Map<String, Long> of(Collection<CaseHistories.Outcome> cases,
                                       Predicate<CaseHistories.Outcome> where) {
        Map<String, Long> out = new LinkedHashMap<>();
        out.put("reported", cases.stream().filter(where).count());
        out.put("closed", cases.stream().filter(where).filter(c -> c.state() == CaseState.CLOSED).count());
        out.put("closedOnTime", cases.stream().filter(where).filter(CaseHistories.Outcome::closedOnTime).count());
        out.put("rework", cases.stream().filter(where).filter(c -> c.reworkCount() > 0).count());
        out.put("merged", cases.stream().filter(where).filter(c -> c.state() == CaseState.MERGED).count());
        out.put("invalidated", cases.stream().filter(where).filter(c -> c.state() == CaseState.INVALID).count());
        out.put("open", cases.stream().filter(where).filter(c -> !c.state().isFinal()).count());
        out.put("overdueNow", cases.stream().filter(where).filter(CaseHistories.Outcome::overdue).count());
        out.put("visited", cases.stream().filter(where).filter(c -> c.satisfaction() != null).count());
        out.put("unsatisfied", cases.stream().filter(where)
                .filter(c -> c.satisfaction() == VisitSatisfaction.UNSATISFIED).count());
        return out;
    }

    /** {@code counts} restricted to the measures {@link #of} recounts. */
    public static Map<String, Long> sameMeasures(Map<String, Long> counts) {
        Map<String, Long> out = new LinkedHashMap<>();
        for (String m : new String[] {"reported", "closed", "closedOnTime", "rework", "merged", "invalidated", "open",
                "overdueNow", "visited", "unsatisfied"}) {
            out.put(m, counts.get(m));
        }
        return out;
    }
}
