package io.gridloop.intake.progress;

import io.gridloop.platform.problem.Refusal;
import io.gridloop.intake.access.ReportAccess;
import io.gridloop.platform.security.Caller;
import io.gridloop.platform.security.Role;
import java.util.regex.Pattern;
import io.gridloop.contracts.EventEnvelope;
import io.gridloop.contracts.ServiceNames;
import io.gridloop.contracts.Topics;
import io.gridloop.contracts.event.EventReported;
import io.gridloop.contracts.event.ReopenRequested;
import io.gridloop.intake.report.IntakeSettings;
import io.gridloop.intake.report.StoredReport;
import io.gridloop.platform.kafka.EventPublisher;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The reporter's side: what became of a report, a reporter's own reports, and "not fixed" (未解决) for a closed
 * one, which asks dispatch to handle it again.
 */
@Service
public class ReporterViews {

    private final MongoTemplate mongo;
    private final EventPublisher publisher;
    private final Clock clock;
    private final Duration publishTimeout;

    ReporterViews(MongoTemplate mongo, EventPublisher publisher, Clock clock,
                  IntakeSettings settings) {
        this.mongo = mongo;
        this.publisher = publisher;
        this.clock = clock;
        this.publishTimeout = settings.publishTimeout();
    }

    /**
     * A report as its reporter sees it. Until dispatch has opened the case, it is simply 已上报.
     *
     * @param statusReason why the report stands as it does where the reporter is owed one: the reason it was
     *                     declared invalid (作废)
     * @param mergedInto   the report this one was merged into (并单), with where that one stands: it is handled
     *                     there, and its result is this report's
     * @param resultPhotoIds the photos of the result (处理后照片) taken with the feedback, by their ids in
     *                     dispatch's photo store ({@code GET <dispatch>/api/v1/photos/{id}})
     */
    public record ReportView(String eventId, String clientEventId, String reporterId, String source,
                             String sourceLabel, String category, String categoryLabel, String subCategory,
                             String subCategoryName, String gridCode, String communityName, String streetName,
                             String districtName, String description, List<String> photos, Instant occurredAt,
                             Instant reportedAt,
                             ReporterStatus status, String statusLabel, String statusReason, String result,
                             List<String> resultPhotoIds, Instant closedAt, MergedInto mergedInto,
                             boolean canMarkNotFixed, String submittedBy) {

        /** The report a merged one now lives on. */
        public record MergedInto(String eventId, ReporterStatus status, String statusLabel, String result,
                                 Instant closedAt) {
        }

        static ReportView of(StoredReport r, ReportProgress p, ReportProgress mergedTarget) {
            EventReported e = r.event();
            ReporterStatus status = p == null ? ReporterStatus.SUBMITTED : p.status();
            MergedInto merged = null;
            if (p != null && p.mergedInto() != null) {
                ReporterStatus there = mergedTarget == null ? ReporterStatus.SUBMITTED : mergedTarget.status();
                merged = new MergedInto(p.mergedInto(), there, there.label(),
                        mergedTarget == null ? null : mergedTarget.result(),
                        mergedTarget == null ? null : mergedTarget.closedAt());
            }
            return new ReportView(e.eventId(), e.clientEventId(), e.reporterId(), e.source().name(),
                    e.source().label(), e.category().name(), e.category().label(), e.subCategory(),
                    e.subCategoryName(), e.gridCode(), e.communityName(), e.streetName(), e.districtName(),
                    e.description(), e.photoIds().stream().map(id -> "/api/v1/photos/" + id).toList(),
                    e.occurredAt(), e.reportedAt(), status, status.label(),
                    status == ReporterStatus.INVALID ? p.invalidReason() : null,
                    p == null ? null : p.result(),
                    p == null || p.resultPhotoIds() == null ? List.of() : p.resultPhotoIds(),
                    p == null ? null : p.closedAt(),
                    merged, status == ReporterStatus.CLOSED, r.submittedBy());
        }
    }

    public record ReportPage(String reporterId, int page, int size, long total, List<ReportView> items) {
    }

    public ReportView view(String eventId) {
        ReportProgress progress = mongo.findById(eventId, ReportProgress.class);
        return ReportView.of(report(eventId), progress, mergedTarget(progress));
    }

    private ReportProgress mergedTarget(ReportProgress progress) {
        return progress == null || progress.mergedInto() == null ? null
                : mongo.findById(progress.mergedInto(), ReportProgress.class);
    }

    /** A reporter's reports within {@code reach} (area-code prefixes, or the whole country), newest first. */
    public ReportPage byReporter(String reporterId, ReportAccess.OthersReports reach, int page, int size) {
        Query query = Query.query(Criteria.where("event.reporterId").is(reporterId));
        List<String> areas = reach.areas();
        if (reach.submittedBy() != null) {
            query.addCriteria(Criteria.where("submittedBy").is(reach.submittedBy()));
        }
        if (!areas.contains(Caller.WHOLE_COUNTRY)) {
            query.addCriteria(new Criteria().orOperator(areas.stream()
                    .map(a -> Criteria.where("event.gridCode").regex("^" + Pattern.quote(a))).toList()));
        }
        long total = mongo.count(query, StoredReport.class);
        List<StoredReport> reports = mongo.find(query.with(Sort.by(Sort.Direction.DESC, "event.reportedAt"))
                .skip((long) page * size).limit(size), StoredReport.class);
        Map<String, ReportProgress> progress = progressOf(reports);
        // The reports merged ones joined, in one more query for the page, not one per merged report.
        Map<String, ReportProgress> joined = progressOf(progress.values().stream()
                .map(ReportProgress::mergedInto).filter(Objects::nonNull).distinct().toList());
        return new ReportPage(reporterId, page, size, total, reports.stream().map(r -> {
            ReportProgress p = progress.get(r.eventId());
            return ReportView.of(r, p, p == null || p.mergedInto() == null ? null : joined.get(p.mergedInto()));
        }).toList());
    }

    /** The progress of each of {@code reports} that has any, by event id: one query for a page of reports. */
    public Map<String, ReportProgress> progressOf(List<StoredReport> reports) {
        return progressOf(reports.stream().map(StoredReport::eventId).toList());
    }

    private Map<String, ReportProgress> progressOf(Collection<String> eventIds) {
        if (eventIds.isEmpty()) {
            return Map.of();
        }
        return mongo.find(Query.query(Criteria.where("_id").in(eventIds)), ReportProgress.class).stream()
                .collect(Collectors.toMap(ReportProgress::eventId, Function.identity()));
    }

    /**
     * The reporter says a closed report is not fixed — themselves, or through a centre or the channel that filed
     * it ({@code by}), which the case's timeline then names. Answered only once Kafka has the request.
     *
     * @throws Refusal 404 unknown, 403 {@code NOT_YOUR_REPORT}, 409 {@code NOT_CLOSED}, 503 broker down
     */
    public ReportView notFixed(String eventId, String reporterId, String comment, Caller by) {
        StoredReport report = report(eventId);
        if (!report.event().reporterId().equals(reporterId)) {
            throw Refusal.notAllowed("NOT_YOUR_REPORT", "只能对本人上报的事件反映未解决",
                    "事件 " + eventId + " 不是该上报人上报的");
        }
        ReportProgress progress = mongo.findById(eventId, ReportProgress.class);
        if (progress == null || progress.status() != ReporterStatus.CLOSED || progress.closedSequence() == null) {
            ReporterStatus status = progress == null ? ReporterStatus.SUBMITTED : progress.status();
            throw Refusal.conflict("NOT_CLOSED", "事件尚未办结",
                    "事件当前为「" + status.label() + "」，办结后才能反映未解决").with("reportStatus", status.name());
        }
        Instant now = clock.instant();
        String role = by.id().equals(reporterId) ? null
                : by.has(Role.OPERATOR) ? Role.OPERATOR.name() : Role.REPORTER_APP.name();
        ReopenRequested request = new ReopenRequested(eventId, reporterId, comment, progress.closedSequence(), now,
                by.id(), role);
        try {
            publisher.publishAndWait(Topics.REOPEN_REQUESTED, EventEnvelope.of(Topics.REOPEN_REQUESTED,
                    eventId + "-reopen-" + progress.closedSequence(), ServiceNames.INTAKE, now, eventId, request),
                    publishTimeout);
        } catch (EventPublisher.PublishFailedException e) {
            throw e.asProblem("消息服务暂不可用，请稍后重试");
        }
        return ReportView.of(report, progress, null);
    }

    private StoredReport report(String eventId) {
        StoredReport report = mongo.findById(eventId, StoredReport.class);
        if (report == null) {
            throw Refusal.notFound("EVENT_NOT_FOUND", "事件不存在", "没有编号为 " + eventId + " 的事件");
        }
        return report;
    }
}
