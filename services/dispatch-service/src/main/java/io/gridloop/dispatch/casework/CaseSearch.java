package io.gridloop.dispatch.casework;

import io.gridloop.dispatch.casestore.CaseFiles;
import io.gridloop.contracts.area.AreaLevel;
import io.gridloop.contracts.area.AreaCode;
import io.gridloop.contracts.event.CaseState;
import io.gridloop.contracts.event.EventCategory;
import io.gridloop.contracts.event.ReportSource;
import io.gridloop.dispatch.access.CaseAccess;
import io.gridloop.dispatch.lifecycle.CaseFile;
import io.gridloop.dispatch.search.SearchIndex;
import io.gridloop.dispatch.search.SearchTerms;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Finds a district's cases by what people remember of them: the case number, words of the description (a 12345
 * order's number and address are in it), the street or community, who reported it. Walks back a month at a time
 * from the latest day asked for and stops once it has the page, so a term found every day costs one month's term
 * documents and a rare one a year's — never a read of the case collection ({@link SearchIndex}).
 */
@Service
class CaseSearch {

    /** Days whose term documents are read at once. */
    static final int DAYS_PER_READ = 31;
    /** Cases resolved from numbers at once; a page rarely needs more. */
    private static final int CASES_PER_READ = 50;
    private static final int DESCRIPTION_SHOWN = 120;

    /** A case found, as the list shows it. */
    record Hit(String id, String caseNumber, CaseState state, String stateLabel, String gridCode,
               EventCategory category, String categoryLabel, String subCategoryName, ReportSource source,
               String description, String handlingUnitName, Instant reportedAt, Instant dueAt, boolean warned,
               boolean overdue, Instant closedAt) {

        static Hit of(CaseFile c) {
            String description = c.report().description() == null || c.report().description().length() <= DESCRIPTION_SHOWN
                    ? c.report().description() : c.report().description().substring(0, DESCRIPTION_SHOWN) + "…";
            return new Hit(c.id(), c.caseNumber(), c.state(), c.state().label(), c.area().gridCode(), c.report().category(),
                    c.report().category().label(), c.report().subCategoryName(), c.report().source(), description, c.handling().unitName(),
                    c.report().reportedAt(), c.deadlines().closeBy(), c.warned(), c.overdue(), c.closedAt());
        }
    }

    /**
     * @param hasMore whether a next page exists; a search stops at the page it was asked for, so how many cases
     *                match in all is not known
     */
    record Page(int page, int size, boolean hasMore, List<Hit> items) {
    }

    private final SearchIndex index;
    private final CaseNumbers numbers;
    private final CaseFiles cases;

    CaseSearch(SearchIndex index, CaseNumbers numbers, CaseFiles cases) {
        this.index = index;
        this.numbers = numbers;
        this.cases = cases;
    }

    /** The case with this number, if it lies in {@code area}. */
    Page byNumber(String area, String number) {
        List<Hit> hit = numbers.caseOf(number).stream().flatMap(id -> cases.summaries(List.of(id)).stream())
                .filter(c -> inArea(c, area)).map(Hit::of).toList();
        return new Page(0, hit.size(), false, hit);
    }

    /**
     * Cases of {@code area} (a district or inside one) reported on the Beijing days {@code first} to {@code last}
     * that hold every term and phrase asked for, the latest first.
     */
    Page search(String area, SearchTerms terms, LocalDate first, LocalDate last, int page, int size) {
        String district = AreaCode.of(area).at(AreaLevel.DISTRICT).value();
        int wanted = (page + 1) * size + 1;
        List<Hit> hits = new ArrayList<>();
        for (LocalDate end = last; !end.isBefore(first) && hits.size() < wanted; end = end.minusDays(DAYS_PER_READ)) {
            LocalDate start = end.minusDays(DAYS_PER_READ - 1).isBefore(first) ? first : end.minusDays(DAYS_PER_READ - 1);
            List<LocalDate> days = start.datesUntil(end.plusDays(1)).toList();
            List<String> found = index.numbersHolding(district, numbers.issuedOn(district, days), terms.terms());
            for (int from = 0; from < found.size() && hits.size() < wanted; from += CASES_PER_READ) {
                resolve(found.subList(from, Math.min(found.size(), from + CASES_PER_READ))).stream()
                        .filter(c -> inArea(c, area) && terms.phrasesIn(textOf(c)))
                        .forEach(c -> hits.add(Hit.of(c)));
            }
        }
        int from = Math.min(hits.size(), page * size);
        return new Page(page, size, hits.size() > (page + 1) * size,
                hits.subList(from, Math.min(hits.size(), from + size)));
    }

    /** The cases of {@code caseNumbers}, in their order. */
    private List<CaseFile> resolve(List<String> caseNumbers) {
        Map<String, String> ids = numbers.casesOf(caseNumbers);
        Map<String, CaseFile> byId = new HashMap<>();
        cases.summaries(ids.values()).forEach(c -> byId.put(c.id(), c));
        return caseNumbers.stream().map(ids::get).filter(Objects::nonNull).map(byId::get).filter(Objects::nonNull)
                .toList();
    }

    private static boolean inArea(CaseFile c, String area) {
        return CaseAccess.areaOf(c).startsWith(area);
    }

    private static String textOf(CaseFile c) {
        return String.join(" ", Stream.of(c.report().description(), c.area().districtName(), c.area().streetName(), c.area().communityName())
                .filter(Objects::nonNull).toList());
    }
}
