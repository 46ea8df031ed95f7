package io.gridloop.stats.rebuild;

import io.gridloop.platform.security.Caller;
import io.gridloop.platform.web.ApiException;
import io.gridloop.stats.generations.Generations;
import io.gridloop.platform.config.InstallationSettings;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/admin/stats/rebuild} (ADMIN): start a recount of every figure from the case transitions topic,
 * and follow it. The figures already there stay readable until the recount has caught up. A recount changes the
 * figures of every area, so only an administrator whose areas cover the whole installation
 * ({@code gridloop.installation-area}) starts one, as with the holiday calendar.
 */
@RestController
@RequestMapping("/api/v1/admin/stats/rebuild")
class RebuildController {

    private final RebuildStarter rebuild;
    private final Generations generations;
    private final String installationArea;

    RebuildController(RebuildStarter rebuild, Generations generations,
                      InstallationSettings installation) {
        this.rebuild = rebuild;
        this.generations = generations;
        this.installationArea = installation.installationArea();
    }

    @PostMapping
    ResponseEntity<RebuildView> start() {
        Caller caller = Caller.current();
        if (!caller.covers(installationArea)) {
            throw Caller.forbidden("统计重算涉及本平台所辖全部地区（" + installationArea + "）的数据，须由该级管理员发起");
        }
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
