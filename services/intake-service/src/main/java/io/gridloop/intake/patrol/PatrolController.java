package io.gridloop.intake.patrol;

import io.gridloop.platform.security.Caller;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.time.LocalDate;

/**
 * {@code /api/v1/patrols}: a grid worker records a patrol or household visit (202 once Kafka has it; 200 with
 * the same record for a retry; 503 when it cannot be published now), and the patrol log is read by the worker,
 * the centres and the supervisors of the area.
 */
@RestController
@RequestMapping("/api/v1/patrols")
class PatrolController {

    private final PatrolLog patrols;

    PatrolController(PatrolLog patrols) {
        this.patrols = patrols;
    }

    @PostMapping
    ResponseEntity<PatrolView> record(@Valid @RequestBody PatrolRequest request) {
        PatrolView recorded = patrols.record(request, Caller.current());
        return ResponseEntity.status(recorded.duplicate() ? HttpStatus.OK : HttpStatus.ACCEPTED)
                .location(ServletUriComponentsBuilder.fromCurrentRequestUri().path("/{id}")
                        .buildAndExpand(recorded.patrolId()).toUri())
                .body(recorded);
    }

    @GetMapping("/{patrolId}")
    PatrolView get(@PathVariable String patrolId) {
        return patrols.find(patrolId, Caller.current());
    }

    /**
     * @param from first Beijing day (yyyy-MM-dd) on which a listed record began; absent: no bound
     * @param to   last such day, inclusive
     */
    @GetMapping
    PatrolView.Page list(@RequestParam(required = false) String workerId,
                         @RequestParam(required = false)
                         @Pattern(regexp = "\\d{6}(\\d{3}){0,3}", message = "区域编码必须是6、9、12或15位数字")
                         String areaCode,
                         @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                         @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                         @RequestParam(defaultValue = "0") @Min(value = 0, message = "不能小于0") int page,
                         @RequestParam(defaultValue = "20") @Min(value = 1, message = "不能小于1")
                         @Max(value = 100, message = "不能大于100") int size) {
        return patrols.list(Caller.current(), workerId, areaCode, from, to, page, size);
    }
}
