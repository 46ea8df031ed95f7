package io.gridloop.dispatch.search;

import io.gridloop.dispatch.lifecycle.CaseFile;
import io.gridloop.dispatch.lifecycle.CaseNumber;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The cases each term ({@link SearchTerms}) is found in, without reading a single case: one document per district,
 * Beijing day, block of {@value #BLOCK} case numbers and term — {@code _id = 150105:20261206:0:漏水} — listing the
 * block's case numbers that hold the term, by their sequence ({@code 00123}; the rest of the number is the
 * document's district and day). A search reads these by {@code _id}, which every MongoDB (and the embedded server,
 * which builds no other index) answers from its one index; the blocks keep even the commonest term's document
 * small however busy the day, so adding a case rewrites a few KB. Adding a case again adds nothing
 * ({@code $addToSet}), so a redelivered report is harmless.
 */
@Repository
public class SearchIndex {

    public static final String COLLECTION = "case_search_terms";
    /** A 12345 order's text can run to pages; who looks for a case types what its first lines say. */
    static final int INDEXED_CHARS = 400;
    /** Case numbers per block of a day: a district's busy day (about 1,200 cases) is five blocks. */
    public static final int BLOCK = 250;

    private final MongoTemplate mongo;

    SearchIndex(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * Makes {@code c} findable by its description, its street and community, and who reported it. A case without a
     * number (opened before numbers were given) is found by its id only.
     */
    public void add(CaseFile c, String reporterId) {
        if (!CaseNumber.looksLike(c.caseNumber())) {
            return;
        }
        Set<String> terms = termsOf(c, reporterId);
        if (terms.isEmpty()) {
            return;
        }
        try {
            write(c.caseNumber(), terms);
        } catch (DuplicateKeyException anotherInstanceCreatedOne) {
            // Two instances created the same block's term at once; the other's document exists now, and adding
            // is idempotent, so doing it all again is safe.
            write(c.caseNumber(), terms);
        }
    }

    /** The terms {@code c} is found by: its description's first lines, its street and community, its reporter. */
    public static Set<String> termsOf(CaseFile c, String reporterId) {
        Set<String> terms = new LinkedHashSet<>(SearchTerms.of(head(c.report().description())));
        Stream.of(c.area().streetName(), c.area().communityName(), reporterId).forEach(t -> terms.addAll(SearchTerms.of(t)));
        return terms;
    }

    /** The {@code _id} of the document listing the cases of {@code caseNumber}'s block that hold {@code term}. */
    public static String documentOf(String caseNumber, String term) {
        return blockOf(CaseNumber.districtOf(caseNumber), CaseNumber.dayTextOf(caseNumber),
                Long.parseLong(sequenceOf(caseNumber)) / BLOCK) + term;
    }

    /** What the term documents of one block of a district's day begin with: {@code 150105:20261206:0:}. */
    private static String blockOf(String district, String dayText, long block) {
        return district + ":" + dayText + ":" + block + ":";
    }

    /** How a term document lists a case: the sequence part of its number ({@code 00123}). */
    public static String sequenceOf(String caseNumber) {
        return CaseNumber.sequenceOf(caseNumber);
    }

    private void write(String caseNumber, Set<String> terms) {
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, COLLECTION);
        for (String term : terms) {
            bulk.upsert(Query.query(Criteria.where("_id").is(documentOf(caseNumber, term))),
                    new Update().addToSet("s", sequenceOf(caseNumber)));
        }
        bulk.execute();
    }

    private static String head(String description) {
        return description == null || description.length() <= INDEXED_CHARS ? description
                : description.substring(0, INDEXED_CHARS);
    }

    /**
     * The numbers of {@code district}'s cases reported on the days of {@code issued} that hold every one of
     * {@code terms}, the latest day first and within a day the latest case first.
     *
     * @param issued each day and the last sequence its case numbers reached (so which blocks it has)
     */
    public List<String> numbersHolding(String district, Map<LocalDate, Long> issued, Set<String> terms) {
        List<String> ids = new ArrayList<>();
        issued.forEach((day, last) -> {
            for (long block = 0; block <= last / BLOCK; block++) {
                String blockKey = blockOf(district, CaseNumber.dayText(day), block);
                terms.forEach(term -> ids.add(blockKey + term));
            }
        });
        Map<String, List<String>> postings = new HashMap<>();
        for (Document d : mongo.find(Query.query(Criteria.where("_id").in(ids)), Document.class, COLLECTION)) {
            postings.put(d.getString("_id"), d.getList("s", String.class));
        }
        List<String> numbers = new ArrayList<>();
        issued.keySet().stream().sorted(Comparator.reverseOrder()).forEach(day -> {
            for (long block = issued.get(day) / BLOCK; block >= 0; block--) {
                String blockKey = blockOf(district, CaseNumber.dayText(day), block);
                Set<String> common = null;
                for (String term : terms) {
                    List<String> holding = postings.getOrDefault(blockKey + term, List.of());
                    if (common == null) {
                        common = new LinkedHashSet<>(holding);
                    } else {
                        common.retainAll(holding);
                    }
                }
                String prefix = CaseNumber.prefix(district, day);
                if (common != null) {
                    common.stream().sorted(Comparator.comparing(String::length).thenComparing(s -> s).reversed())
                            .forEach(s -> numbers.add(prefix + s));
                }
            }
        });
        return numbers;
    }
}
