package io.gridloop.intake.report;

import io.gridloop.platform.problem.Refusal;
import io.gridloop.contracts.EventEnvelope;
import io.gridloop.contracts.ServiceNames;
import io.gridloop.contracts.Topics;
import io.gridloop.contracts.catalogue.SubCategory;
import io.gridloop.contracts.catalogue.SubCategoryCatalogue;
import io.gridloop.contracts.event.Complexity;
import io.gridloop.contracts.event.EventReported;
import io.gridloop.contracts.area.AreaLevel;
import io.gridloop.contracts.event.ReportSource;
import io.gridloop.contracts.event.Urgency;
import io.gridloop.contracts.event.GeoPoint;
import io.gridloop.intake.duplicate.LikelyDuplicates;
import io.gridloop.intake.grid.GridRegistry;
import io.gridloop.platform.kafka.EventPublisher;
import io.gridloop.platform.photo.PhotoStore;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Accepting a report (上报): resolve its grid to community, street and district, store it, publish {@code grid.event.reported.v1} and only then
 * say yes. A report is never acknowledged unless Kafka acknowledged it first; a retry with the same
 * {@code clientEventId} returns the original event id instead of creating a second event.
 */
@Service
public class ReportIntake {

    private static final Logger log = LoggerFactory.getLogger(ReportIntake.class);
    private static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(10);

    private final MongoTemplate mongo;
    private final EventPublisher publisher;
    private final GridRegistry registry;
    private final SubCategoryCatalogue catalogue;
    private final LikelyDuplicates duplicates;
    private final PhotoStore photos;
    private final Clock clock;
    private final Duration publishTimeout;
    private final MeterRegistry meters;

    ReportIntake(MongoTemplate mongo, EventPublisher publisher, GridRegistry registry,
                 SubCategoryCatalogue catalogue, LikelyDuplicates duplicates, PhotoStore photos, Clock clock,
                 MeterRegistry meters,
                 IntakeSettings settings) {
        this.catalogue = catalogue;
        this.duplicates = duplicates;
        this.photos = photos;
        this.mongo = mongo;
        this.publisher = publisher;
        this.registry = registry;
        this.clock = clock;
        this.meters = meters;
        this.publishTimeout = settings.publishTimeout();
    }

    /**
     * Accepts a report filed by {@code submittedBy} (the signed-in caller), or returns the receipt of the report
     * the same caller filed before for the same reporter and {@code clientEventId}.
     */
    public ReportReceipt accept(ReportRequest request, String submittedBy) {
        return accept(request, submittedBy, UUID.randomUUID().toString());
    }

    /**
     * Accepts a report under an id chosen by its source (a 12345 order's case id, chosen by the bridge), or
     * returns the receipt of the report stored before under the same submitter, reporter and
     * {@code clientEventId}. The submitter is part of that key so that nobody learns of, or takes the place of,
     * a report somebody else filed by guessing its reporter and client id.
     */
    public ReportReceipt accept(ReportRequest request, String submittedBy, String newEventId) {
        GridRegistry.ResolvedGrid grid = registry.resolve(request.gridCode());
        if (request.location() != null && !registry.fits(grid.grid(), location(request))) {
            throw Refusal.invalid("LOCATION_OUTSIDE_GRID", "位置不在网格内",
                    "上报位置不在网格「" + grid.grid().name() + "」内或附近，请核对网格编码或位置")
                    .with("field", "location");
        }
        Instant now = clock.instant();
        if (request.occurredAt().isAfter(now.plus(MAX_CLOCK_SKEW))) {
            throw Refusal.invalid("OCCURRED_IN_FUTURE", "发生时间晚于当前时间",
                    "occurredAt 不能晚于当前时间").with("field", "occurredAt");
        }
        Optional<SubCategory> subCategory = resolveSubCategory(request);
        photos.requireUploaded(request.photoIds(), "，或随上报一并提交");
        if (request.dueAt() != null && request.source() != ReportSource.HOTLINE_12345) {
            throw Refusal.invalid("DUE_AT_NOT_ALLOWED", "不能自定办结时限",
                    "办结时限按事项类别与1-3-5工作日规则确定；只有12345热线工单带热线自己的时限 (dueAt)")
                    .with("field", "dueAt");
        }
        String key = StoredReport.idempotencyKey(submittedBy, request.reporterId(), request.clientEventId());

        StoredReport report = findByKey(key).orElse(null);
        boolean duplicate = report != null;
        if (report == null) {
            String eventId = newEventId;
            request.photoIds().forEach(photo -> photos.attach(photo, eventId));
            String earlier = duplicates.earlierReportNear(subCategory.map(SubCategory::code).orElse(null),
                    location(request), now, grid.district().code()).orElse(null);
            StoredReport fresh = new StoredReport(eventId, key,
                    toEvent(eventId, request, subCategory, grid, now, earlier), null, submittedBy);
            try {
                report = mongo.insert(fresh);
                duplicates.remember(report.event());
            } catch (DuplicateKeyException concurrentRetry) {
                // The same report arrived twice at once; the other request stored it first.
                report = findByKey(key).orElseThrow(() -> concurrentRetry);
                duplicate = true;
            }
        }
        if (!report.published()) {
            publish(report);
            duplicate = false;
        }
        meters.counter("gridloop.intake.reports", "outcome", duplicate ? "duplicate" : "accepted",
                "source", request.source().name()).increment();
        EventReported event = report.event();
        return new ReportReceipt(event.eventId(), event.clientEventId(), event.districtCode(), event.districtName(),
                event.reportedAt(), duplicate, event.likelyDuplicateOf());
    }

    public Optional<StoredReport> find(String eventId) {
        return Optional.ofNullable(mongo.findById(eventId, StoredReport.class));
    }

    private void publish(StoredReport report) {
        EventReported event = report.event();
        try {
            publisher.publishAndWait(Topics.EVENT_REPORTED, EventEnvelope.of(Topics.EVENT_REPORTED, event.eventId(),
                    ServiceNames.INTAKE, event.reportedAt(), event.eventId(), event), publishTimeout);
        } catch (EventPublisher.PublishFailedException e) {
            log.warn("Report {} stored but not published; answering 503: {}", event.eventId(), e.getMessage());
            meters.counter("gridloop.intake.reports", "outcome", "unavailable", "source", event.source().name())
                    .increment();
            throw e.asProblem("消息服务暂不可用，本次上报尚未受理；请稍后使用相同的 clientEventId 重试");
        }
        mongo.updateFirst(Query.query(Criteria.where("_id").is(event.eventId())),
                Update.update("publishedAt", clock.instant()), StoredReport.class);
    }

    private Optional<StoredReport> findByKey(String key) {
        return Optional.ofNullable(mongo.findOne(Query.query(Criteria.where("idempotencyKey").is(key)),
                StoredReport.class));
    }

    /**
     * The catalogue entry of the report's sub-category. Only 12345 orders may come without one; a sub-category
     * must belong to the category the report names.
     */
    private Optional<SubCategory> resolveSubCategory(ReportRequest r) {
        if (r.subCategory() == null || r.subCategory().isBlank()) {
            if (r.source() == ReportSource.HOTLINE_12345) {
                return Optional.empty();
            }
            throw Refusal.invalid("SUBCATEGORY_REQUIRED", "请选择事项小类",
                    "上报须注明事项小类 (subCategory)").with("field", "subCategory");
        }
        SubCategory sub = catalogue.find(r.subCategory()).orElseThrow(() -> Refusal.invalid("UNKNOWN_SUBCATEGORY", "事项小类不存在",
                "事项小类 " + r.subCategory() + " 不在目录中").with("field", "subCategory"));
        if (sub.category() != r.category()) {
            throw Refusal.invalid("SUBCATEGORY_MISMATCH", "事项小类与大类不符",
                    "事项小类「" + sub.name() + "」属于「" + sub.category().label() + "」，不属于「"
                            + r.category().label() + "」").with("field", "subCategory");
        }
        return Optional.of(sub);
    }

    private static GeoPoint location(ReportRequest r) {
        return r.location() == null ? null : r.location().wgs84();
    }

    private static EventReported toEvent(String eventId, ReportRequest r, Optional<SubCategory> sub,
                                         GridRegistry.ResolvedGrid area, Instant now, String likelyDuplicateOf) {
        GeoPoint location = location(r);
        String grid = r.gridCode();
        // An order that maps to no sub-category is treated as a general matter for the district centre.
        return new EventReported(eventId, r.clientEventId(), r.reporterId(), r.source(), r.category(),
                sub.map(SubCategory::code).orElse(null), sub.map(SubCategory::name).orElse(null),
                sub.map(SubCategory::complexity).orElse(Complexity.GENERAL),
                sub.map(SubCategory::defaultLevel).orElse(AreaLevel.DISTRICT),
                r.urgency() == null ? Urgency.NORMAL : r.urgency(), grid, area.community().code(),
                area.community().name(), area.street().code(), area.street().name(), area.district().code(),
                area.district().name(), r.description().strip(), location, r.occurredAt(), now, r.dueAt(),
                likelyDuplicateOf, r.photoIds());
    }
}
