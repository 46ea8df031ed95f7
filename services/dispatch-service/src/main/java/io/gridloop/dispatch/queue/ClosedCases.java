package io.gridloop.dispatch.queue;

import io.gridloop.contracts.area.AreaLevel;
import io.gridloop.contracts.area.AreaCode;
import io.gridloop.contracts.event.CaseState;
import io.gridloop.contracts.event.EventCategory;
import io.gridloop.contracts.event.ReportSource;
import io.gridloop.dispatch.deadline.HolidayCalendar;
import io.gridloop.dispatch.lifecycle.CaseFile;
import io.gridloop.dispatch.lifecycle.TimelineEntry;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The 已办结 list: cases that ended (closed, merged, invalidated), by district and Beijing day of their end, keyed
 * by case id inside — so a day's list is a few {@code _id} reads however many cases a year holds, and writing an
 * entry again (a redelivered relay) changes nothing. A case re-opened leaves its day again. A day is spread over
 * {@link #BUCKETS} documents by case id, so a busy day's closures each rewrite a small document, not the whole
 * day's list.
 */
@Repository
public class ClosedCases {

    public static final String COLLECTION = "closed_cases_by_day";
    static final int BUCKETS = 16;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");

    /** A case that ended, as the list shows it. */
    public record ClosedCase(String id, String caseNumber, CaseState state, String stateLabel, String districtCode,
                             String gridCode, EventCategory category, String categoryLabel, String subCategoryName,
                             ReportSource source, String description, String handlingUnitName, Instant reportedAt,
                             Instant dueAt, Instant closedAt) {
    }

    public record Page(int page, int size, long total, List<ClosedCase> items) {
    }

    private final MongoTemplate mongo;

    ClosedCases(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Keeps the list in step with {@code c}: listed on the day it ended, and nowhere once it is open again. */
    void sync(CaseFile c) {
        if (c.state().isFinal()) {
            endOf(c).ifPresent(ended -> mongo.upsert(Query.query(Criteria.where("_id").is(keyOf(c, ended))),
                    new Update().set("entries." + c.id(), entryOf(c, ended)), COLLECTION));
        } else if (justReopened(c)) {
            // Re-opened (重新办理): it no longer ended where it was listed. Only the reopening step itself writes:
            // later steps of the case find nothing to take out.
            lastEnd(c.timeline()).ifPresent(ended -> mongo.updateMulti(Query.query(Criteria.where("_id")
                    .in(keyOf(c, ended), unbucketed(c.area().districtCode(), ended))), new Update().unset("entries." + c.id()),
                    COLLECTION));
        }
    }

    /** Whether the case's last step took it out of a final state. */
    private static boolean justReopened(CaseFile c) {
        if (c.timeline().isEmpty()) {
            return false;
        }
        CaseState from = c.timeline().getLast().fromState();
        return from != null && from.isFinal();
    }

    /** {@code c} as the list shows it, having ended at {@code ended}. */
    public static ClosedCase entryOf(CaseFile c, Instant ended) {
        String description = c.report().description() == null || c.report().description().length() <= 120 ? c.report().description()
                : c.report().description().substring(0, 120) + "…";
        return new ClosedCase(c.id(), c.caseNumber(), c.state(), c.state().label(), c.area().districtCode(), c.area().gridCode(),
                c.report().category(), c.report().category().label(), c.report().subCategoryName(), c.report().source(), description,
                c.handling().unitName(), c.report().reportedAt(), c.deadlines().closeBy(), c.closedAt() != null ? c.closedAt() : ended);
    }

    /** When the case ended: its last transition into a final state. */
    public static Optional<Instant> endOf(CaseFile c) {
        return lastEnd(c.timeline());
    }

    private static Optional<Instant> lastEnd(List<TimelineEntry> timeline) {
        return timeline.reversed().stream().filter(e -> e.toState() != null && e.toState().isFinal())
                .map(TimelineEntry::at).findFirst();
    }

    /** A day's one document as it was written before days were spread over buckets; still read. */
    private static String unbucketed(String district, Instant ended) {
        return district + ":" + DAY.format(ended.atZone(HolidayCalendar.CHINA));
    }

    /** The document of the day {@code c} ended on that holds it: district, day, and the case's bucket. */
    public static String keyOf(CaseFile c, Instant ended) {
        return c.area().districtCode() + ":" + DAY.format(ended.atZone(HolidayCalendar.CHINA)) + ":"
                + Math.floorMod(c.id().hashCode(), BUCKETS);
    }

    /**
     * The cases of {@code area} (a district or an area inside it) that ended on the Beijing days from
     * {@code first} to {@code last}, the latest first, one page of them.
     */
    public Page in(String area, LocalDate first, LocalDate last, int page, int size) {
        AreaCode code = AreaCode.of(area);
        String district = code.at(AreaLevel.DISTRICT).value();
        List<String> days = new ArrayList<>();
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
            days.add(district + ":" + DAY.format(d));
            for (int bucket = 0; bucket < BUCKETS; bucket++) {
                days.add(district + ":" + DAY.format(d) + ":" + bucket);
            }
        }
        List<ClosedCase> all = new ArrayList<>();
        for (Document day : mongo.find(Query.query(Criteria.where("_id").in(days)), Document.class, COLLECTION)) {
            Document entries = day.get("entries", Document.class);
            if (entries == null) {
                continue;
            }
            for (Object entry : entries.values()) {
                ClosedCase closed = mongo.getConverter().read(ClosedCase.class, (Document) entry);
                if (closed.gridCode() == null || closed.gridCode().startsWith(area) || code.level() == AreaLevel.DISTRICT) {
                    all.add(closed);
                }
            }
        }
        all.sort(Comparator.comparing(ClosedCase::closedAt).reversed().thenComparing(ClosedCase::id));
        return new Page(page, size, all.size(), all.stream().skip((long) page * size).limit(size).toList());
    }
}
