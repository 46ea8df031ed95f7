package io.gridloop.platform.audit;

import io.gridloop.platform.security.Caller;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The service's audit trail, collection {@code audit_trail} in its own database. Entries are only ever added.
 */
public class AuditTrail {

    static final String COLLECTION = "audit_trail";
    private static final Logger log = LoggerFactory.getLogger(AuditTrail.class);

    private final MongoTemplate mongo;
    private final Counter failures;

    public AuditTrail(MongoTemplate mongo, MeterRegistry meters) {
        this.mongo = mongo;
        this.failures = Counter.builder("gridloop.audit.failures")
                .description("audit entries that could not be stored").register(meters);
    }

    /**
     * Stores an entry. A failure is logged with the whole entry (so the log still holds it) and counted, but does
     * not undo or fail the request it describes: the write it records has happened already.
     */
    void record(AuditEntry entry) {
        try {
            mongo.insert(entry, COLLECTION);
        } catch (RuntimeException e) {
            failures.increment();
            log.error("Audit entry not stored, kept here instead: {}", entry, e);
        }
    }

    /**
     * A page of entries, newest first, that an administrator with {@code viewer}'s areas may read: what callers
     * inside their areas did, and the entries of callers without areas (signed machine calls), which belong to
     * no one area. Filtered and paged by the database.
     */
    public List<AuditEntry> find(Caller viewer, String actor, String pathPrefix, Instant from, Instant to,
                                 int page, int size) {
        List<Criteria> where = new ArrayList<>();
        if (actor != null && !actor.isBlank()) {
            where.add(Criteria.where("actor").is(actor));
        }
        if (pathPrefix != null && !pathPrefix.isBlank()) {
            where.add(Criteria.where("path").regex("^" + Pattern.quote(pathPrefix)));
        }
        if (from != null) {
            where.add(Criteria.where("at").gte(from));
        }
        if (to != null) {
            where.add(Criteria.where("at").lt(to));
        }
        if (!viewer.covers(Caller.WHOLE_COUNTRY)) {
            List<Criteria> readable = new ArrayList<>();
            readable.add(Criteria.where("areaRoot").is(""));
            viewer.areas().forEach(area -> readable.add(Criteria.where("areaRoot").regex("^" + Pattern.quote(area))));
            where.add(new Criteria().orOperator(readable));
        }
        Query query = where.isEmpty() ? new Query() : new Query(new Criteria().andOperator(where));
        query.with(Sort.by(Sort.Direction.DESC, "at")).skip((long) page * size).limit(size);
        return mongo.find(query, AuditEntry.class, COLLECTION);
    }
}
