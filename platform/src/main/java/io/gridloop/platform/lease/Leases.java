package io.gridloop.platform.lease;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Work only one instance of a service may do at a time — the deadline watch, an outbox relay, polling the 12345
 * platform — guarded by a named lease: one document per lease in the service's {@code leases} collection, with
 * its holder and until when it holds. Taking or renewing it is one atomic find-and-modify (with an upsert whose
 * duplicate key means someone else holds it), so it works on real MongoDB and on the embedded MongoDB-wire server
 * alike. A holder that dies loses the lease when it runs out; one that stops gives it back.
 *
 * <p>Each lease this instance has tried is a gauge {@code gridloop_lease_held{lease}} (1 while it holds it) and
 * {@code gridloop_lease_last_run_seconds{lease}} (when it last finished the guarded work, epoch seconds): summed
 * over the instances, a lease nobody holds or work nobody has done for a while is an alert
 * ({@code deploy/prometheus/alerts.yml}).
 */
public class Leases {

    static final String COLLECTION = "leases";
    private static final Logger log = LoggerFactory.getLogger(Leases.class);

    /** A lease as stored. */
    record Lease(@Id String name, String holder, Instant until) {
    }

    private final MongoTemplate mongo;
    private final Clock clock;
    private final String holder;
    private final Set<String> held = ConcurrentHashMap.newKeySet();
    private final MeterRegistry meters;
    private final Map<String, AtomicLong> lastRun = new ConcurrentHashMap<>();

    /**
     * @param holder this instance, unique among all instances of all services sharing the database
     * @param meters where each lease's gauges go
     */
    public Leases(MongoTemplate mongo, Clock clock, String holder, MeterRegistry meters) {
        this.mongo = mongo;
        this.clock = clock;
        this.holder = holder;
        this.meters = meters;
    }

    public String holder() {
        return holder;
    }

    /**
     * Takes the lease, or renews it if this instance holds it already, for {@code ttl} from now. Choose a
     * {@code ttl} longer than the guarded work takes: the lease is checked when the work starts, not during it.
     *
     * @return whether this instance holds it now
     */
    public boolean hold(String name, Duration ttl) {
        lastRunOf(name);
        Instant now = clock.instant();
        Query free = Query.query(new Criteria().andOperator(Criteria.where("_id").is(name),
                new Criteria().orOperator(Criteria.where("holder").is(holder), Criteria.where("until").lte(now))));
        try {
            Lease lease = mongo.findAndModify(free, new Update().set("holder", holder).set("until", now.plus(ttl)),
                    FindAndModifyOptions.options().upsert(true).returnNew(true), Lease.class, COLLECTION);
            boolean mine = lease != null && holder.equals(lease.holder());
            if (mine && held.add(name)) {
                log.info("Lease {} taken by {}", name, holder);
            }
            return mine;
        } catch (DuplicateKeyException someoneElseHoldsIt) {
            if (held.remove(name)) {
                log.warn("Lease {} lost by {}", name, holder);
            }
            return false;
        }
    }

    /** Runs {@code work} if this instance holds (or can take) the lease. @return whether it ran */
    public boolean runIfHeld(String name, Duration ttl, Runnable work) {
        if (!hold(name, ttl)) {
            return false;
        }
        work.run();
        lastRunOf(name).set(clock.instant().getEpochSecond());
        return true;
    }

    /** The lease's last finished run here, registering its gauges the first time it is asked for. */
    private AtomicLong lastRunOf(String name) {
        return lastRun.computeIfAbsent(name, n -> {
            AtomicLong at = new AtomicLong();
            Gauge.builder("gridloop.lease.held", held, h -> h.contains(n) ? 1 : 0).tag("lease", n)
                    .description("1 while this instance holds the lease (summed over instances: exactly 1)")
                    .register(meters);
            Gauge.builder("gridloop.lease.last.run", at, AtomicLong::get).tag("lease", n).baseUnit("seconds")
                    .description("When this instance last finished the work the lease guards, epoch seconds "
                            + "(0: not yet)")
                    .register(meters);
            return at;
        });
    }

    /** Gives back every lease this instance holds, so another instance need not wait for them to run out. */
    public void releaseAll() {
        for (String name : Set.copyOf(held)) {
            mongo.updateFirst(Query.query(Criteria.where("_id").is(name).and("holder").is(holder)),
                    new Update().set("until", clock.instant()), COLLECTION);
            held.remove(name);
            log.info("Lease {} released by {}", name, holder);
        }
    }
}
