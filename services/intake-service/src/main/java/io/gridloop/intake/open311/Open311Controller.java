package io.gridloop.intake.open311;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.gridloop.contracts.catalogue.SubCategory;
import io.gridloop.contracts.catalogue.SubCategoryCatalogue;
import io.gridloop.contracts.event.EventReported;
import io.gridloop.contracts.event.GeoPoint;
import io.gridloop.contracts.event.ReportSource;
import io.gridloop.intake.grid.CoordinateSystem;
import io.gridloop.intake.grid.GridArea;
import io.gridloop.intake.grid.GridRegistry;
import io.gridloop.intake.progress.ReportProgress;
import io.gridloop.intake.progress.ReportUpdate;
import io.gridloop.intake.progress.ReporterStatus;
import io.gridloop.intake.progress.ReporterViews;
import io.gridloop.intake.report.ReportIntake;
import io.gridloop.intake.report.ReportReceipt;
import io.gridloop.intake.report.ReportRequest;
import io.gridloop.intake.report.StoredReport;
import io.gridloop.platform.web.ApiException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Open311 GeoReport v2, so existing citizen apps can report: services are the sub-categories of the catalogue,
 * a request becomes an ordinary report (source {@code OPEN311}) located in the grid its position falls in, and
 * its status follows the case. Errors are problem documents like everywhere else in gridloop.
 *
 * <p>Reading requests is public, as the standard has it, and so shows only what came in through Open311 — never a
 * grid worker's record, a 12345 order or any other source's report, whose ids answer 404 here — and no personal
 * data: no reporter, no account, no photo (photos may show people; they are for signed-in staff).
 */
@RestController
@RequestMapping(path = "/open311/v2", produces = MediaType.APPLICATION_JSON_VALUE)
class Open311Controller {

    private static final Duration DEFAULT_PERIOD = Duration.ofDays(90);
    private static final int MAX_REQUESTS = 1000;

    private final SubCategoryCatalogue catalogue;
    private final GridRegistry registry;
    private final ReportIntake intake;
    private final MongoTemplate mongo;
    private final Open311Settings settings;
    private final ReporterViews views;
    private final Clock clock;

    Open311Controller(SubCategoryCatalogue catalogue, GridRegistry registry, ReportIntake intake,
                      MongoTemplate mongo, Open311Settings settings, ReporterViews views, Clock clock) {
        this.views = views;
        this.catalogue = catalogue;
        this.registry = registry;
        this.intake = intake;
        this.mongo = mongo;
        this.settings = settings;
        this.clock = clock;
    }

    record Service(@JsonProperty("service_code") String code, @JsonProperty("service_name") String name,
                   String description, boolean metadata, String type, String keywords, String group) {
        static Service of(SubCategory s) {
            return new Service(s.code(), s.name(), s.category().label() + "：" + s.name() + "（"
                    + s.complexity().label() + "事项）", false, "realtime", s.category().name().toLowerCase(),
                    s.category().label());
        }
    }

    record ServiceDefinition(@JsonProperty("service_code") String code, List<Object> attributes) {
    }

    record Created(@JsonProperty("service_request_id") String id,
                   @JsonProperty("service_notice") String notice,
                   @JsonProperty("account_id") String accountId) {
    }

    record ServiceRequest(@JsonProperty("service_request_id") String id, String status,
                          @JsonProperty("status_notes") String statusNotes,
                          @JsonProperty("service_name") String serviceName,
                          @JsonProperty("service_code") String serviceCode, String description,
                          @JsonProperty("agency_responsible") String agencyResponsible,
                          @JsonProperty("service_notice") String serviceNotice,
                          @JsonProperty("requested_datetime") Instant requested,
                          @JsonProperty("updated_datetime") Instant updated,
                          @JsonProperty("expected_datetime") Instant expected, String address,
                          @JsonProperty("address_id") String addressId, String zipcode, Double lat,
                          @JsonProperty("long") Double lon, @JsonProperty("media_url") String mediaUrl) {
        static ServiceRequest of(StoredReport r, ReportProgress p) {
            EventReported e = r.event();
            ReporterStatus status = p == null ? ReporterStatus.SUBMITTED : p.status();
            boolean closed = status == ReporterStatus.CLOSED || status == ReporterStatus.MERGED
                    || status == ReporterStatus.INVALID;
            String detail = p == null ? null : status == ReporterStatus.INVALID ? p.invalidReason()
                    : status == ReporterStatus.MERGED ? "并入事件 " + p.mergedInto() : p.result();
            String notes = detail != null ? status.label() + "：" + detail : status.label();
            return new ServiceRequest(e.eventId(), closed ? "closed" : "open", notes, e.subCategoryName(),
                    e.subCategory(), e.description(), p == null ? null : agency(p), null, e.reportedAt(),
                    p == null ? e.reportedAt() : p.updatedAt(), p == null ? null : p.dueAt(),
                    Objects.toString(e.districtName(), "") + Objects.toString(e.streetName(), "")
                            + Objects.toString(e.communityName(), ""), e.gridCode(), null,
                    e.location() == null ? null : e.location().latitude(),
                    e.location() == null ? null : e.location().longitude(), null);
        }
    }

    private static String agency(ReportProgress p) {
        return p.handlingUnitName() != null ? p.handlingUnitName() : p.handlingUnit();
    }

    @GetMapping("/services.json")
    List<Service> services() {
        return catalogue.all().stream().map(Service::of).toList();
    }

    @GetMapping("/services/{code}.json")
    ServiceDefinition service(@PathVariable String code) {
        SubCategory s = catalogue.find(code).orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND,
                "UNKNOWN_SERVICE", "服务类型不存在", "没有代码为 " + code + " 的服务类型"));
        return new ServiceDefinition(s.code(), List.of());
    }

    @PostMapping(path = "/requests.json", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    List<Created> create(@RequestParam(name = "api_key", required = false) String apiKey,
                         @RequestParam(name = "jurisdiction_id", required = false) String jurisdiction,
                         @RequestParam(name = "service_code", required = false) String serviceCode,
                         @RequestParam(name = "lat", required = false) Double lat,
                         @RequestParam(name = "long", required = false) Double lon,
                         @RequestParam(name = "coordinate_system", required = false) String coordinateSystem,
                         @RequestParam(name = "description", required = false) String description,
                         @RequestParam(name = "email", required = false) String email,
                         @RequestParam(name = "device_id", required = false) String deviceId,
                         @RequestParam(name = "account_id", required = false) String accountId) {
        String client = settings.clientNamed(apiKey).orElseThrow(() -> new ApiException(HttpStatus.FORBIDDEN,
                "INVALID_API_KEY", "API密钥无效", "缺少或无效的 api_key"));
        if (jurisdiction != null && !jurisdiction.isBlank() && !settings.jurisdictionId().isBlank()
                && !jurisdiction.equals(settings.jurisdictionId())) {
            throw new ApiException(HttpStatus.NOT_FOUND, "UNKNOWN_JURISDICTION", "辖区不存在",
                    "本接口服务的辖区是 " + settings.jurisdictionId());
        }
        SubCategory service = catalogue.find(serviceCode).orElseThrow(() -> new ApiException(
                HttpStatus.BAD_REQUEST, "UNKNOWN_SERVICE", "服务类型不存在", "service_code 无效: " + serviceCode)
                .with("field", "service_code"));
        if (lat == null || lon == null || Math.abs(lat) > 90 || Math.abs(lon) > 180) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "LOCATION_REQUIRED", "缺少位置",
                    "须提供有效的 lat 与 long").with("field", "lat");
        }
        CoordinateSystem system = coordinateSystemOf(coordinateSystem);
        ReportRequest.Location location = new ReportRequest.Location(lat, lon, system);
        GeoPoint position = location.wgs84();
        GridArea grid = registry.locate(position).orElseThrow(() -> new ApiException(
                HttpStatus.UNPROCESSABLE_CONTENT, "OUTSIDE_JURISDICTION", "位置不在服务范围内",
                "该位置不在任何已登记网格内或附近").with("field", "lat"));
        String text = description == null || description.isBlank() ? service.name() : description.strip();
        if (text.length() > 4000) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "DESCRIPTION_TOO_LONG", "描述过长", "描述不能超过4000字")
                    .with("field", "description");
        }
        String who = accountId != null ? "a:" + accountId : email != null ? "e:" + sha256(email).substring(0, 16)
                : deviceId != null ? "d:" + deviceId : "anonymous";
        String reporter = truncate("open311:" + client + ":" + who, 64);
        // Open311 has no idempotency key: the same client sending the same request again is the same report.
        String clientEventId = "o311-" + sha256(String.join("\u001f", apiKey, who, service.code(),
                lat.toString(), lon.toString(), text)).substring(0, 40);
        ReportReceipt receipt = intake.accept(new ReportRequest(clientEventId, ReportSource.OPEN311,
                service.category(), service.code(), null, grid.code(), text,
                location, clock.instant(), reporter, null, List.of()), reporter);
        return List.of(new Created(receipt.eventId(), "已受理，将按规定时限办理", accountId));
    }

    @GetMapping("/requests/{id}.json")
    List<ServiceRequest> request(@PathVariable String id) {
        StoredReport report = mongo.findById(id, StoredReport.class);
        if (report == null || report.event().source() != ReportSource.OPEN311) {
            throw new ApiException(HttpStatus.NOT_FOUND, "REQUEST_NOT_FOUND", "服务请求不存在", "没有编号为 " + id + " 的请求");
        }
        return List.of(ServiceRequest.of(report, mongo.findById(id, ReportProgress.class)));
    }

    /**
     * Requests made through Open311 (other sources' reports, such as grid workers' dispute records, are not
     * public), newest first: by id, or by service, status and period (default the last 90 days, at most 1,000).
     */
    @GetMapping("/requests.json")
    List<ServiceRequest> requests(@RequestParam(name = "service_request_id", required = false) String ids,
                                  @RequestParam(name = "service_code", required = false) String serviceCode,
                                  @RequestParam(name = "status", required = false) String status,
                                  @RequestParam(name = "start_date", required = false) Instant start,
                                  @RequestParam(name = "end_date", required = false) Instant end) {
        Criteria criteria = Criteria.where("event.source").is(ReportSource.OPEN311);
        if (ids != null && !ids.isBlank()) {
            criteria = criteria.and("_id").in(Arrays.stream(ids.split(",")).map(String::strip).toList());
        } else {
            Instant to = end != null ? end : clock.instant();
            Instant from = start != null ? start : to.minus(DEFAULT_PERIOD);
            criteria = criteria.and("event.reportedAt").gte(from).lte(to);
            if (serviceCode != null && !serviceCode.isBlank()) {
                criteria = criteria.and("event.subCategory").is(serviceCode);
            }
        }
        List<StoredReport> reports = mongo.find(Query.query(criteria)
                .with(Sort.by(Sort.Direction.DESC, "event.reportedAt")).limit(MAX_REQUESTS), StoredReport.class);
        Map<String, ReportProgress> progress = views.progressOf(reports);
        return reports.stream().map(r -> ServiceRequest.of(r, progress.get(r.eventId())))
                .filter(r -> status == null || status.isBlank() || r.status().equals(status)).toList();
    }

    /** An update in the shape of mySociety's {@code servicerequestupdates} extension. */
    record ServiceRequestUpdate(@JsonProperty("update_id") String updateId,
                                @JsonProperty("service_request_id") String requestId, String status,
                                @JsonProperty("updated_datetime") Instant updated, String description,
                                @JsonProperty("media_url") String mediaUrl) {
        static ServiceRequestUpdate of(ReportUpdate u) {
            return new ServiceRequestUpdate(u.updateId(), u.eventId(), extensionStatus(u.status()), u.updatedAt(),
                    u.description(), null);
        }

        private static String extensionStatus(ReporterStatus s) {
            return switch (s) {
                case SUBMITTED, DISPATCHED -> "OPEN";
                case IN_PROGRESS -> "IN_PROGRESS";
                case CLOSED -> "FIXED";
                case MERGED -> "DUPLICATE";
                case INVALID -> "NOT_POSSIBLE";
            };
        }
    }

    /** Status changes of Open311 requests in a period (default the last 24 hours), oldest first, at most 1,000. */
    @GetMapping("/servicerequestupdates.json")
    List<ServiceRequestUpdate> updates(@RequestParam(name = "start_date", required = false) Instant start,
                                       @RequestParam(name = "end_date", required = false) Instant end) {
        Instant to = end != null ? end : clock.instant();
        Instant from = start != null ? start : to.minus(Duration.ofDays(1));
        return mongo.find(Query.query(Criteria.where("updatedAt").gte(from).lte(to))
                        .with(Sort.by("updatedAt", "_id")).limit(MAX_REQUESTS), ReportUpdate.class).stream()
                .map(ServiceRequestUpdate::of).toList();
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Open311 says WGS-84; phones in China often send what their map shows. {@code coordinate_system} (a gridloop
     * extension) names it: WGS84 (default), GCJ02 or BD09.
     */
    private static CoordinateSystem coordinateSystemOf(String name) {
        if (name == null || name.isBlank()) {
            return CoordinateSystem.WGS84;
        }
        try {
            return CoordinateSystem.valueOf(name.strip().toUpperCase(java.util.Locale.ROOT).replace("-", ""));
        } catch (IllegalArgumentException e) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "UNKNOWN_COORDINATE_SYSTEM", "坐标系不支持",
                    "coordinate_system 只能是 WGS84、GCJ02 或 BD09：" + name).with("field", "coordinate_system");
        }
    }
}
