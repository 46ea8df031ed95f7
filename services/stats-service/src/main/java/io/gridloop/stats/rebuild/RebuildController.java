package io.gridloop.stats.rebuild;

import io.gridloop.platform.security.Caller;
import io.gridloop.platform.web.ApiException;
import io.gridloop.stats.ledger.Generations;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/admin/stats/rebuild} (ADMIN): start a recount of every figure from the case transitions topic,
 * and follow it. The figures already there stay readable until the recount has caught up.
 */
@RestController
@RequestMapping("/api/v1/admin/stats/rebuild")
class RebuildController {

    private final StatsRebuild rebuild;
    private final Generations generations;

    RebuildController(StatsRebuild rebuild, Generations generations) {
        this.rebuild = rebuild;
        this.generations = generations;
    }

    @PostMapping
    ResponseEntity<RebuildView> start() {
        Caller caller = Caller.current();
        if (rebuild.start(caller.name() + "（" + caller.id() + "）") == null) {
            throw new ApiException(HttpStatus.CONFLICT, "REBUILD_RUNNING", "统计重算正在进行",
                    "上一次重算尚未完成，请查看进度，完成后再发起");
        }
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(RebuildView.of(generations.current()));
    }

    @GetMapping
    RebuildView progress() {
        return RebuildView.of(generations.current());
    }
}
