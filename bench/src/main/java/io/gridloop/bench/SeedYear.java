package io.gridloop.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.gridloop.contracts.catalogue.SubCategory;
import io.gridloop.contracts.catalogue.SubCategoryCatalogue;
import io.gridloop.contracts.event.EventCategory;
import io.gridloop.contracts.event.EventReported;
import io.gridloop.contracts.area.AreaLevel;
import io.gridloop.contracts.event.ReportSource;
import io.gridloop.contracts.event.Urgency;
import io.gridloop.dispatch.casestore.CaseFiles;
import io.gridloop.dispatch.casestore.StoredCase;
import io.gridloop.dispatch.casework.CaseNumbers;
import io.gridloop.dispatch.deadline.Deadlines;
import io.gridloop.dispatch.deadline.HolidayCalendar;
import io.gridloop.dispatch.lifecycle.ActionInput;
import io.gridloop.contracts.event.CaseAction;
import io.gridloop.dispatch.lifecycle.CaseFile;
import io.gridloop.dispatch.lifecycle.CaseNumber;
import io.gridloop.dispatch.queue.ClosedCases;
import io.gridloop.dispatch.routing.HandlingUnit;
import io.gridloop.dispatch.routing.RoutingDecision;
import io.gridloop.dispatch.search.SearchIndex;
import io.gridloop.localstack.DemoData;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.random.RandomGenerator;

/**
 * A year of one district's cases written straight into dispatch's collections — the case files, their numbers,
 * their search terms and the 已办结 days — as dispatch itself writes them (its own records, converter and
 * document keys), spread evenly over the 365 days before today and all closed. The loop would take hours to store
 * a district-year (BENCHMARKS.md); the {@code pages} phase needs only what the pages read. Not seeded: statistics,
 * open-case lists, the other services' stores.
 */
final class SeedYear {

    private static final ZoneId BEIJING = HolidayCalendar.CHINA;
    private static final HolidayCalendar WEEKDAYS_ONLY = HolidayCalendar.of(List.of());
    private static final int BATCH = 2_000;

    private SeedYear() {
    }

    static Map<String, Object> seed(Stack stack, String district, int cases) {
        long t0 = System.nanoTime();
        RandomGenerator random = RandomGenerator.of("L64X128MixRandom");
        Reports reports = new Reports("seed");
        SubCategoryCatalogue catalogue = SubCategoryCatalogue.shipped();
        List<DemoData.DemoGrid> grids = DemoData.GRIDS.get(district);
        LocalDate today = LocalDate.now(BEIJING);
        int perDay = (int) Math.ceil(cases / 365.0);
        long written = 0;
        try (MongoClient client = MongoClients.create(stack.mongo())) {
            MongoTemplate mongo = new MongoTemplate(client, "gridloop_dispatch");
            for (int d = 365; d >= 1 && written < cases; d--) {
                LocalDate day = today.minusDays(d);
                int count = (int) Math.min(perDay, cases - written);
                seedDay(mongo, district, day, count, grids, reports, catalogue, random);
                written += count;
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("district", district);
        out.put("cases", written);
        out.put("perDay", perDay);
        out.put("seconds", Math.round((System.nanoTime() - t0) / 1e8) / 10.0);
        return out;
    }

    private static void seedDay(MongoTemplate mongo, String district, LocalDate day, int count,
                                List<DemoData.DemoGrid> grids, Reports reports, SubCategoryCatalogue catalogue,
                                RandomGenerator random) {
        List<Document> files = new ArrayList<>();
        List<Document> numbers = new ArrayList<>();
        Map<String, List<String>> terms = new LinkedHashMap<>();
        Map<String, Document> closedDays = new LinkedHashMap<>();
        for (int seq = 1; seq <= count; seq++) {
            CaseFile c = closedCase(district, day, seq, count, grids.get(random.nextInt(grids.size())),
                    reports.pick(random), catalogue);
            Document file = new Document();
            mongo.getConverter().write(StoredCase.of(c), file);
            file.put("outbox", List.of());  // relayed long ago
            files.add(file);
            numbers.add(new Document("_id", c.caseNumber()).append("caseId", c.id()));
            String reporter = "bench-" + c.area().gridCode().substring(0, 12);
            SearchIndex.termsOf(c, reporter).forEach(term -> terms.computeIfAbsent(
                    SearchIndex.documentOf(c.caseNumber(), term), k -> new ArrayList<>())
                    .add(SearchIndex.sequenceOf(c.caseNumber())));
            Instant ended = ClosedCases.endOf(c).orElseThrow();
            Document entry = new Document();
            mongo.getConverter().write(ClosedCases.entryOf(c, ended), entry);
            closedDays.computeIfAbsent(ClosedCases.keyOf(c, ended), k -> new Document("_id", k)
                    .append("entries", new Document())).get("entries", Document.class).put(c.id(), entry);
            if (files.size() == BATCH) {
                mongo.getCollection(CaseFiles.COLLECTION).insertMany(files);
                files.clear();
            }
        }
        if (!files.isEmpty()) {
            mongo.getCollection(CaseFiles.COLLECTION).insertMany(files);
        }
        mongo.getCollection(CaseNumbers.LOOKUP).insertMany(numbers);
        mongo.getCollection(CaseNumbers.COUNTERS).insertOne(new Document("_id", CaseNumber.prefix(district, day))
                .append("seq", (long) count));
        List<Document> postings = new ArrayList<>();
        terms.forEach((id, sequences) -> postings.add(new Document("_id", id).append("s", sequences)));
        mongo.getCollection(SearchIndex.COLLECTION).insertMany(postings);
        mongo.getCollection(ClosedCases.COLLECTION).insertMany(new ArrayList<>(closedDays.values()));
    }

    /**
     * A case reported on {@code day} as number {@code seq} of {@code count} (between 08:00 and 16:00), routed,
     * accepted, fed back and closed six hours later, the same day.
     */
    private static CaseFile closedCase(String district, LocalDate day, int seq, int count, DemoData.DemoGrid grid,
                                       Reports.Kind kind, SubCategoryCatalogue catalogue) {
        SubCategory sub = catalogue.find(kind.subCategory()).orElseThrow();
        Instant reported = day.atTime(8, 0).atZone(BEIJING).toInstant().plusSeconds(seq * (28_800L / count));
        String id = UUID.nameUUIDFromBytes((district + day + seq).getBytes()).toString();
        String number = CaseNumber.of(district, day, seq);
        EventReported event = new EventReported(id, "seed-" + id, "bench-" + grid.code().substring(0, 12),
                ReportSource.GRID_PATROL, EventCategory.valueOf(kind.category()), sub.code(), sub.name(),
                sub.complexity(), sub.defaultLevel(), Urgency.NORMAL, grid.code(), grid.code().substring(0, 12),
                "社区" + grid.code().substring(9, 12), grid.code().substring(0, 9), "街道" + grid.code().substring(6, 9),
                district, "赛罕区", kind.text(), null, reported.minusSeconds(600), reported, null, null, List.of());
        Deadlines deadlines = new Deadlines(reported.plus(Duration.ofDays(1)), reported.plus(Duration.ofDays(3)),
                reported.plus(Duration.ofDays(2)));
        HandlingUnit unit = new HandlingUnit(district + "-WATER", "赛罕区水务局", AreaLevel.DISTRICT);
        CaseFile c = CaseFile.open(number, event, Optional.of(new RoutingDecision(unit, "seed@v1")), deadlines,
                reported);
        Instant at = reported;
        for (CaseAction action : List.of(CaseAction.ACCEPT, CaseAction.FEEDBACK, CaseAction.CLOSE)) {
            at = at.plus(Duration.ofHours(2));
            c = c.next(action, new ActionInput("bench", action == CaseAction.CLOSE ? "OPERATOR" : "HANDLER",
                    "已处理完毕", null, null, null, null, List.of()), WEEKDAYS_ONLY, at).after();
        }
        return c;
    }
}
