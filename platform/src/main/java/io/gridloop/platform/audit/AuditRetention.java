package io.gridloop.platform.audit;

import io.gridloop.platform.lease.Leases;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Keeps the audit trail for {@code gridloop.audit.retention} and deletes what is older, on one instance at a time
 * (a lease). A job rather than a TTL index: the embedded MongoDB-wire server has no TTL indexes, and the job works
 * on both. The default of 400 days covers the six months the Cybersecurity Law (网络安全法, art. 21) asks network
 * logs to be kept, with a full year for annual reviews of who did what.
 */
public class AuditRetention implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(AuditRetention.class);
    private static final Duration LEASE = Duration.ofMinutes(30);

    private final MongoTemplate mongo;
    private final Leases leases;
    private final Clock clock;
    private final Duration retention;
    private final Duration pruneInterval;

    public AuditRetention(MongoTemplate mongo, Leases leases, Clock clock, Duration retention, Duration pruneInterval) {
        if (retention.compareTo(Duration.ofDays(180)) < 0) {
            throw new IllegalArgumentException("gridloop.audit.retention " + retention
                    + " is shorter than the six months network logs must be kept");
        }
        this.mongo = mongo;
        this.leases = leases;
        this.clock = clock;
        this.retention = retention;
        this.pruneInterval = pruneInterval;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar tasks) {
        tasks.addFixedDelayTask(new FixedDelayTask(this::prune, pruneInterval, pruneInterval));
    }

    public void prune() {
        leases.runIfHeld("audit.retention", LEASE, () -> deleteBefore(clock.instant().minus(retention)));
    }

    /** @return how many entries were deleted */
    long deleteBefore(Instant cutoff) {
        long deleted = mongo.remove(Query.query(Criteria.where("at").lt(cutoff)), AuditTrail.COLLECTION)
                .getDeletedCount();
        if (deleted > 0) {
            log.info("Audit trail: {} entries from before {} deleted (retention {})", deleted, cutoff, retention);
        }
        return deleted;
    }
}
