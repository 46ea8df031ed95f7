package io.gridloop.intake.patrol;

import io.gridloop.contracts.event.PatrolKind;
import io.gridloop.intake.report.ReportRequest.Location;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.List;

/**
 * What the phone app sends to {@code POST /api/v1/patrols} when a grid worker ends a patrol or a visit.
 *
 * @param clientPatrolId the app's own id for this record: sending it again records nothing twice
 * @param track          optional positions along the way, in the order walked, in the map's coordinate system
 *                       (as a report's location)
 * @param photoIds       photos uploaded first ({@code POST /api/v1/photos})
 */
public record PatrolRequest(
        @NotBlank(message = "不能为空") @Size(max = 64, message = "长度不能超过64") String clientPatrolId,
        @NotNull(message = "不能为空") PatrolKind kind,
        @NotBlank(message = "不能为空") @Pattern(regexp = "\\d{15}", message = "网格编码必须是15位数字") String gridCode,
        @NotNull(message = "不能为空") Instant startedAt,
        @NotNull(message = "不能为空") Instant endedAt,
        @Size(max = 2000, message = "长度不能超过2000字") String notes,
        @Size(max = 500, message = "轨迹最多500个点") List<@Valid @NotNull(message = "不能为空") Location> track,
        @Size(max = 9, message = "最多9张照片")
        List<@Pattern(regexp = "p[0-9a-f]{64}", message = "照片编号格式不正确") String> photoIds) {

    public PatrolRequest {
        track = track == null ? List.of() : List.copyOf(track);
        photoIds = photoIds == null ? List.of() : List.copyOf(photoIds);
    }
}
