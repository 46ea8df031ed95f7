package io.gridloop.stats.assessment;

import io.gridloop.contracts.area.AreaCode;
import io.gridloop.platform.problem.Refusal;
import io.gridloop.platform.security.Caller;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.YearMonth;
import java.util.List;

/**
 * {@code /api/v1/assessment/grid-workers}: the roster of grid workers (网格员花名册) — read by whoever reads the
 * assessment, kept by an administrator of the workers' areas.
 */
@RestController
@Validated
@RequestMapping("/api/v1/assessment/grid-workers")
class GridWorkerController {

    private static final String WORKER_ID = "[A-Za-z0-9._@-]{1,64}";

    private final GridWorkerRoster roster;

    GridWorkerController(GridWorkerRoster roster) {
        this.roster = roster;
    }

    @GetMapping
    List<GridWorkerRoster.GridWorker> list(@RequestParam @Pattern(regexp = "\\d{6}(\\d{3}){0,3}",
            message = "区域编码必须是6、9、12或15位数字") String areaCode) {
        if (!Caller.current().covers(areaCode)) {
            throw Caller.outsideArea(areaCode);
        }
        return roster.in(AreaCode.of(areaCode).prefix());
    }

    /**
     * A worker's entry: their name as supervisors read it, the grids they serve, and optionally the first month they
     * are assessed for (default: as before, or this month for a new worker).
     */
    record Entry(@NotBlank(message = "不能为空") @Size(max = 40, message = "不能超过40个字") String name,
                 @NotEmpty(message = "至少一个网格") @Size(max = 20, message = "不能超过20个网格")
                 List<@Pattern(regexp = "\\d{15}", message = "网格编码必须是15位数字") String> gridCodes,
                 YearMonth since) {
    }

    @PutMapping("/{workerId}")
    GridWorkerRoster.GridWorker save(@PathVariable @Pattern(regexp = WORKER_ID,
            message = "网格员账号只能由字母、数字和 ._@- 组成，最长64位") String workerId,
                                     @RequestBody @Valid Entry entry) {
        Caller caller = checkCovers(entry.gridCodes());
        // Moving a worker takes an administrator of where they were too.
        roster.find(workerId).ifPresent(w -> checkCovers(w.gridCodes()));
        return roster.save(workerId, entry.name().strip(), entry.gridCodes(), entry.since(),
                caller.name() + "（" + caller.id() + "）");
    }

    @DeleteMapping("/{workerId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void remove(@PathVariable @Pattern(regexp = WORKER_ID, message = "网格员账号格式不正确") String workerId) {
        GridWorkerRoster.GridWorker worker = roster.find(workerId).orElseThrow(() -> notOnRoster(workerId));
        checkCovers(worker.gridCodes());
        roster.remove(workerId);
    }

    /** The caller, if their areas cover every one of {@code grids}; 403 naming the first that is not. */
    private static Caller checkCovers(List<String> grids) {
        Caller caller = Caller.current();
        grids.stream().filter(g -> !caller.covers(g)).findFirst().ifPresent(g -> {
            throw Caller.outsideArea(g);
        });
        return caller;
    }

    private static Refusal notOnRoster(String workerId) {
        return Refusal.notFound("NOT_ON_ROSTER", "不在花名册中", "网格员 " + workerId + " 不在网格员花名册中");
    }
}
