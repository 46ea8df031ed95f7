package io.gridloop.stats.overdue;

import io.gridloop.contracts.area.AreaCode;
import io.gridloop.contracts.area.AreaPath;
import io.gridloop.stats.counting.CaseFacts;
import io.gridloop.stats.generations.CountFollower;
import io.gridloop.stats.generations.Generation;
import io.gridloop.stats.generations.Generations;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Unwrapped;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * The cases overdue right now (超期), for the supervisors' list: a small collection ({@code overdue_cases},
 * {@code _id} = case id) that holds a case only while it is open past its declared-missed deadline, so listing
 * it stays cheap however many cases were ever counted. Kept from the same facts as the counts, one list per
 * {@link Generation}.
 */
@Component
public class OverdueCases implements CountFollower {

    private final MongoTemplate mongo;
    private final Generations generations;

    OverdueCases(MongoTemplate mongo, Generations generations) {
        this.mongo = mongo;
        this.generations = generations;
    }

    /** One entry of the list; stored flat, the area's fields beside the case's. */
    public record OverdueCase(@Id String caseId, String caseNumber, @Unwrapped.Nullable AreaPath area,
                              String category, String subCategory, String handlingUnitName, Instant reportedAt,
                              Instant dueAt) {
    }

    /** Brings the list in line with a case's new facts; idempotent, so a redelivered batch does no harm. */
    @Override
    public void factsChanged(Generation generation, CaseFacts before, CaseFacts after) {
        if (after.isOverdueNow()) {
            mongo.save(new OverdueCase(after.caseId(), after.caseNumber(), after.area(),
                    after.category() == null ? null : after.category().name(), after.subCategory(),
                    after.handlingUnitName(), after.reportedAt(), after.dueAt()), generation.overdue());
        } else if (before != null && before.isOverdueNow()) {
            mongo.remove(Query.query(Criteria.where("_id").is(after.caseId())), generation.overdue());
        }
    }

    /** The overdue cases in an area (absent for all), longest overdue first. */
    public List<OverdueCase> in(String area) {
        String prefix = area == null ? "" : AreaCode.parse(area).map(AreaCode::prefix).orElse(area);
        return mongo.findAll(OverdueCase.class, generations.reading().overdue()).stream()
                .filter(c -> startsWith(c.area().gridCode(), prefix) || startsWith(c.area().districtCode(), prefix))
                .sorted(Comparator.comparing(OverdueCase::dueAt, Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(OverdueCase::caseId))
                .toList();
    }

    private static boolean startsWith(String code, String prefix) {
        return code != null && code.startsWith(prefix);
    }
}
