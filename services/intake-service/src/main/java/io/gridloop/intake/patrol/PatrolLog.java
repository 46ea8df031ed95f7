package io.gridloop.intake.patrol;

import io.gridloop.contracts.EventEnvelope;
import io.gridloop.contracts.ServiceNames;
import io.gridloop.contracts.Topics;
import io.gridloop.contracts.event.GeoPoint;
import io.gridloop.contracts.event.PatrolRecorded;
import io.gridloop.intake.access.PatrolAccess;
import io.gridloop.intake.grid.GridRegistry;
import io.gridloop.intake.report.IntakeSettings;
import io.gridloop.intake.report.ReportRequest;
import io.gridloop.platform.kafka.EventPublisher;
import io.gridloop.platform.photo.PhotoStore;
import io.gridloop.platform.problem.Refusal;
import io.gridloop.platform.security.Caller;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The grid workers' patrol log (巡查走访记录): takes a record, stores it, publishes
 * {@code grid.patrol.recorded.v1} and only then says yes — a retry with the same {@code clientPatrolId} answers
 * the record already taken — and lists records by worker and area.
 */
@Service
public class PatrolLog {

    private static final Logger log = LoggerFactory.getLogger(PatrolLog.class);
    private static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(10);
    /** Longer than a working day and its overtime: an app left running, not a patrol. */
    private static final Duration LONGEST = Duration.ofHours(24);
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    private final MongoTemplate mongo;
    private final EventPublisher publisher;
    private final GridRegistry registry;
    private final PhotoStore photos;
    private final Clock clock;
    private final MeterRegistry meters;
    private final Duration publishTimeout;

    PatrolLog(MongoTemplate mongo, EventPublisher publisher, GridRegistry registry, PhotoStore photos, Clock clock,
              MeterRegistry meters, IntakeSettings settings) {
        this.mongo = mongo;
        this.publisher = publisher;
        this.registry = registry;
        this.photos = photos;
        this.clock = clock;
        this.meters = meters;
        this.publishTimeout = settings.publishTimeout();
    }

    /** Takes {@code request} from the grid worker {@code caller}, or answers the record they sent before. */
    public PatrolView record(PatrolRequest request, Caller caller) {
        PatrolAccess.checkMayRecord(caller, request.gridCode());
        GridRegistry.ResolvedGrid grid = registry.resolve(request.gridCode());
        checkTimes(request);
        photos.requireUploaded(request.photoIds(), "");
        String key = StoredPatrol.idempotencyKey(caller.id(), request.clientPatrolId());
        StoredPatrol stored = findByKey(key).orElse(null);
        boolean duplicate = stored != null;
        if (stored == null) {
            String id = UUID.randomUUID().toString();
            List<GeoPoint> track = request.track().stream().map(ReportRequest.Location::wgs84).toList();
            PatrolRecorded patrol = new PatrolRecorded(id, request.clientPatrolId(), caller.id(), request.kind(),
                    grid.grid().code(), grid.grid().name(), grid.community().code(), grid.street().code(),
                    grid.district().code(), grid.district().name(), request.startedAt(), request.endedAt(),
                    request.notes() == null || request.notes().isBlank() ? null : request.notes().strip(), track,
                    request.photoIds(), clock.instant());
            try {
                stored = mongo.insert(new StoredPatrol(id, key, patrol, null));
            } catch (DuplicateKeyException concurrentRetry) {
                stored = findByKey(key).orElseThrow(() -> concurrentRetry);
                duplicate = true;
            }
        }
        if (!stored.published()) {
            publish(stored.patrol());
            duplicate = false;
        }
        meters.counter("gridloop.intake.patrols", "outcome", duplicate ? "duplicate" : "recorded",
                "kind", stored.patrol().kind().name()).increment();
        return PatrolView.of(stored.patrol(), duplicate);
    }

    private void checkTimes(PatrolRequest r) {
        if (r.endedAt().isBefore(r.startedAt())) {
            throw Refusal.invalid("PATROL_ENDS_BEFORE_START", "结束时间早于开始时间",
                    "结束时间 (endedAt) 不能早于开始时间 (startedAt)").with("field", "endedAt");
        }
        if (r.endedAt().isAfter(clock.instant().plus(MAX_CLOCK_SKEW))) {
            throw Refusal.invalid("PATROL_IN_FUTURE", "结束时间晚于当前时间",
                    "结束时间 (endedAt) 不能晚于当前时间；请在巡查走访结束后记录").with("field", "endedAt");
        }
        if (Duration.between(r.startedAt(), r.endedAt()).compareTo(LONGEST) > 0) {
            throw Refusal.invalid("PATROL_TOO_LONG", "巡查走访时间过长",
                    "一次巡查走访不能超过24小时；请分次记录").with("field", "endedAt");
        }
    }

    private void publish(PatrolRecorded patrol) {
        try {
            publisher.publishAndWait(Topics.PATROL_RECORDED, EventEnvelope.of(Topics.PATROL_RECORDED,
                    patrol.patrolId(), ServiceNames.INTAKE, patrol.recordedAt(), patrol.patrolId(), patrol),
                    publishTimeout);
        } catch (EventPublisher.PublishFailedException e) {
            log.warn("Patrol {} stored but not published; answering 503: {}", patrol.patrolId(), e.getMessage());
            throw e.asProblem("消息服务暂不可用，本次巡查记录尚未受理；请稍后使用相同的 clientPatrolId 重试");
        }
        mongo.updateFirst(Query.query(Criteria.where("_id").is(patrol.patrolId())),
                Update.update("publishedAt", clock.instant()), StoredPatrol.class);
    }

    private Optional<StoredPatrol> findByKey(String key) {
        return Optional.ofNullable(mongo.findOne(Query.query(Criteria.where("idempotencyKey").is(key)),
                StoredPatrol.class));
    }

    /** The record, if {@code caller} may see it. */
    public PatrolView find(String patrolId, Caller caller) {
        StoredPatrol stored = mongo.findById(patrolId, StoredPatrol.class);
        if (stored == null || !stored.published()
                || !PatrolAccess.maySee(caller, stored.patrol().workerId(), stored.patrol().gridCode())) {
            throw PatrolAccess.notFound(patrolId);
        }
        return PatrolView.of(stored.patrol(), false);
    }

    /**
     * Records that began on the Beijing days {@code from} to {@code to} (both optional, inclusive), newest first:
     * a grid worker's own ({@code workerId} absent or theirs), or — for a centre or supervisor — those made in
     * {@code areaCode} (absent: all their areas), by {@code workerId} if given.
     */
    public PatrolView.Page list(Caller caller, String workerId, String areaCode, LocalDate from, LocalDate to,
                                int page, int size) {
        Query query = new Query(Criteria.where("publishedAt").ne(null));
        List<String> reach = PatrolAccess.othersPatrols(caller);
        boolean ownOnly = reach.isEmpty() || (caller.id().equals(workerId) && areaCode == null);
        if (ownOnly) {
            if (workerId != null && !caller.id().equals(workerId)) {
                throw Caller.forbidden("只能查看本人的巡查走访记录");
            }
            query.addCriteria(Criteria.where("patrol.workerId").is(caller.id()));
        } else {
            if (workerId != null) {
                query.addCriteria(Criteria.where("patrol.workerId").is(workerId));
            }
            if (areaCode != null) {
                if (!caller.covers(areaCode)) {
                    throw Caller.outsideArea(areaCode);
                }
                query.addCriteria(Criteria.where("patrol.gridCode").regex("^" + Pattern.quote(areaCode)));
            } else if (!reach.contains(Caller.WHOLE_COUNTRY)) {
                query.addCriteria(new Criteria().orOperator(reach.stream()
                        .map(a -> Criteria.where("patrol.gridCode").regex("^" + Pattern.quote(a))).toList()));
            }
        }
        if (from != null && to != null && to.isBefore(from)) {
            throw Refusal.invalid("BAD_DATE_RANGE", "日期范围不正确", "结束日期 (to) 不能早于开始日期 (from)")
                    .with("field", "to");
        }
        if (from != null || to != null) {
            Criteria started = Criteria.where("patrol.startedAt");
            if (from != null) {
                started = started.gte(from.atStartOfDay(BEIJING).toInstant());
            }
            if (to != null) {
                started = started.lt(to.plusDays(1).atStartOfDay(BEIJING).toInstant());
            }
            query.addCriteria(started);
        }
        long total = mongo.count(query, StoredPatrol.class);
        List<PatrolView> items = mongo.find(query.with(Sort.by(Sort.Direction.DESC, "patrol.startedAt"))
                        .skip((long) page * size).limit(size), StoredPatrol.class).stream()
                .map(p -> PatrolView.of(p.patrol(), false)).toList();
        return new PatrolView.Page(page, size, total, items);
    }
}
