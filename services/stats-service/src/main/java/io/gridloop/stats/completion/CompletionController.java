package io.gridloop.stats.completion;

import io.gridloop.platform.web.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** {@code GET /api/v1/stats/completion?level=district}: 上报数, 办结数 and 办结率 per district. */
@RestController
@RequestMapping("/api/v1/stats")
class CompletionController {

    private final CompletionCounting counting;

    CompletionController(CompletionCounting counting) {
        this.counting = counting;
    }

    record CompletionTable(String level, List<DistrictCompletion> rows) {
    }

    @GetMapping("/completion")
    CompletionTable completion(@RequestParam(defaultValue = "district") String level) {
        if (!"district".equals(level)) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "UNSUPPORTED_LEVEL", "不支持的统计层级",
                    "目前只提供区县层级（level=district）的统计").with("levels", List.of("district"));
        }
        return new CompletionTable(level, counting.byDistrict());
    }
}
