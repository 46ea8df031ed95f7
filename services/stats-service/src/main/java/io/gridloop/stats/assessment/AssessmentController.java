package io.gridloop.stats.assessment;

import io.gridloop.platform.problem.Refusal;
import io.gridloop.platform.security.Caller;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;

/**
 * {@code /api/v1/assessment}: the measures grid workers are assessed by, and each programme's scoring rules —
 * read by the centres, supervisors and administrators, a new version saved by an administrator of the programme's
 * area.
 */
@RestController
@RequestMapping("/api/v1/assessment")
class AssessmentController {

    private final RuleBook rules;

    AssessmentController(RuleBook rules) {
        this.rules = rules;
    }

    /** A measure with its Chinese name, and whether it costs points (扣分项). */
    record MeasureView(String code, String label, boolean penalty) {
    }

    @GetMapping("/measures")
    List<MeasureView> measures() {
        return Arrays.stream(Measure.values()).map(m -> new MeasureView(m.name(), m.label(), m.penalty())).toList();
    }

    /** The programme's versions, newest first (empty for a programme without rules of its own). */
    @GetMapping("/rules")
    List<RuleBook.Version> versions(@RequestParam @Pattern(regexp = "\\d{4}|\\d{6}|\\d{9}",
            message = "考核范围须为4、6或9位区划代码") String programme) {
        return rules.versions(programme);
    }

    /**
     * A new version of a programme's rules.
     *
     * @param basedOnVersion the version edited (0 for the programme's first)
     */
    record SaveRequest(@NotNull(message = "不能为空") ScoringRules rules, long basedOnVersion, String comment) {
    }

    @PostMapping("/rules")
    @ResponseStatus(HttpStatus.CREATED)
    RuleBook.Version save(@RequestBody @jakarta.validation.Valid SaveRequest request) {
        Caller caller = Caller.current();
        String programme = request.rules().programme();
        if (programme != null && !caller.covers(programme)) {
            throw Caller.outsideArea(programme);
        }
        return rules.save(request.rules(), request.basedOnVersion(), caller.name() + "（" + caller.id() + "）",
                request.comment() == null || request.comment().isBlank() ? null : request.comment().strip());
    }

    /** The rules a worker of {@code areaCode} is scored by for {@code month}. */
    @GetMapping("/rules/in-force")
    RuleBook.Version inForce(@RequestParam @Pattern(regexp = "\\d{6}(\\d{3}){0,3}",
                                     message = "区域编码必须是6、9、12或15位数字") String areaCode,
                             @RequestParam @DateTimeFormat(pattern = "yyyy-MM") YearMonth month) {
        if (!Caller.current().covers(areaCode)) {
            throw Caller.outsideArea(areaCode);
        }
        return rules.inForce(areaCode, month).orElseThrow(() -> Refusal.notFound("NO_ASSESSMENT_RULES",
                "没有考核规则", "区域 " + areaCode + " 在 " + month + " 没有适用的考核赋分规则"));
    }
}
