package io.gridloop.platform.audit;

import io.gridloop.platform.security.Caller;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;

/** {@code GET /api/v1/admin/audit}: who did what through this service, newest first (ADMIN only). */
@RestController
@Validated
class AuditController {

    private final AuditTrail trail;

    AuditController(AuditTrail trail) {
        this.trail = trail;
    }

    record AuditPage(int page, int size, List<AuditEntry> items) {
    }

    /**
     * @param actor a caller's id
     * @param path  a path prefix, e.g. {@code /api/v1/admin/routing-rules}
     * @param from  inclusive, ISO-8601 instant
     * @param to    exclusive
     */
    @GetMapping("/api/v1/admin/audit")
    AuditPage find(@RequestParam(required = false) String actor, @RequestParam(required = false) String path,
                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
                   @RequestParam(defaultValue = "0") @Min(value = 0, message = "不能小于0")
                   @Max(value = 10_000, message = "不能大于10000；请用时间范围缩小查询") int page,
                   @RequestParam(defaultValue = "50") @Min(value = 1, message = "不能小于1")
                   @Max(value = 500, message = "不能大于500") int size) {
        return new AuditPage(page, size, trail.find(Caller.current(), actor, path, from, to, page, size));
    }
}
