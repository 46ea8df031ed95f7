package io.gridloop.intake.report;

import io.gridloop.contracts.event.EventCategory;
import io.gridloop.contracts.event.GeoPoint;
import io.gridloop.contracts.event.ReportSource;
import io.gridloop.contracts.event.Urgency;
import io.gridloop.intake.grid.CoordinateSystem;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.List;

/**
 * What a reporting app sends to {@code POST /api/v1/events}.
 *
 * @param source      optional: it follows from who reports ({@code ReportSources}); a caller who may report as
 *                    several (a channel serving 随手拍 and AI cameras, a centre taking calls and visits) names one
 * @param subCategory a code of the sub-category catalogue; required except for 12345 orders, whose category
 *                    path may map to none (such cases are triaged by hand)
 * @param urgency     一般 / 紧急 / 特急; absent: 一般
 * @param dueAt       only for 12345 orders (from the bridge, never through the API): the hotline's own deadline
 * @param photoIds    photos uploaded first (POST /api/v1/photos), or sent with the report as multipart parts
 */
public record ReportRequest(
        @NotBlank(message = "不能为空") @Size(max = 64, message = "长度不能超过64") String clientEventId,
        ReportSource source,
        @NotNull(message = "不能为空") EventCategory category,
        @Size(max = 40, message = "长度不能超过40") String subCategory,
        Urgency urgency,
        @NotBlank(message = "不能为空") @Pattern(regexp = "\\d{15}", message = "网格编码必须是15位数字") String gridCode,
        @NotBlank(message = "不能为空") @Size(max = 4000, message = "长度不能超过4000字") String description,
        @Valid Location location,
        @NotNull(message = "不能为空") Instant occurredAt,
        @NotBlank(message = "不能为空") @Size(max = 64, message = "长度不能超过64") String reporterId,
        Instant dueAt,
        @Size(max = 9, message = "最多9张照片")
        List<@Pattern(regexp = "p[0-9a-f]{64}", message = "照片编号格式不正确") String> photoIds) {

    public ReportRequest {
        photoIds = photoIds == null ? List.of() : List.copyOf(photoIds);
    }

    /** The same report from {@code decided}, the source that follows from who reports. */
    public ReportRequest from(ReportSource decided) {
        return new ReportRequest(clientEventId, decided, category, subCategory, urgency, gridCode, description,
                location, occurredAt, reporterId, dueAt, photoIds);
    }

    /** The same report with photos added, e.g. those sent as parts of a multipart request. */
    public ReportRequest withPhotos(List<String> more) {
        List<String> all = new java.util.ArrayList<>(photoIds);
        more.stream().filter(id -> !all.contains(id)).forEach(all::add);
        return new ReportRequest(clientEventId, source, category, subCategory, urgency, gridCode, description,
                location, occurredAt, reporterId, dueAt, all);
    }

    /**
     * A position in decimal degrees.
     *
     * @param coordinateSystem what the phone or map gave: {@code WGS84} (GPS, the default), {@code GCJ02} (Amap,
     *                         Tencent, WeChat) or {@code BD09} (Baidu); intake stores WGS-84
     */
    public record Location(
            @NotNull(message = "不能为空") @DecimalMin(value = "-90", message = "纬度超出范围")
            @DecimalMax(value = "90", message = "纬度超出范围") Double latitude,
            @NotNull(message = "不能为空") @DecimalMin(value = "-180", message = "经度超出范围")
            @DecimalMax(value = "180", message = "经度超出范围") Double longitude,
            CoordinateSystem coordinateSystem) {

        public Location(Double latitude, Double longitude) {
            this(latitude, longitude, null);
        }

        /** The position in WGS-84, as the registry's outlines and the stored report have it. */
        public GeoPoint wgs84() {
            GeoPoint given = new GeoPoint(latitude, longitude);
            return coordinateSystem == null ? given : coordinateSystem.toWgs84(given);
        }
    }
}
