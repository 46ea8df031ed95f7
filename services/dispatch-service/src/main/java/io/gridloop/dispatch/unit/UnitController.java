package io.gridloop.dispatch.unit;

import io.gridloop.contracts.area.AreaLevel;
import io.gridloop.dispatch.routing.RoutingRule;
import io.gridloop.dispatch.routing.RuleTarget;
import io.gridloop.dispatch.rules.RoutingRules;
import io.gridloop.platform.security.Caller;
import io.gridloop.platform.security.Role;
import io.gridloop.platform.web.ApiException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * The unit directory (处置单位名录): everyone who works cases reads the units of their areas and above; an
 * administrator adds, renames and retires the departments of their districts. Centres follow the grid registry
 * and are changed there (their codes are area codes, never a department's).
 */
@RestController
class UnitController {

    /** A department's code: its district's (or city's) code, a dash, the department (150105-WATER). */
    static final String DEPARTMENT_CODE = "\\d{6}-[A-Z][A-Z0-9_]{0,31}";

    private final UnitDirectory units;
    private final RoutingRules rules;

    UnitController(UnitDirectory units, RoutingRules rules) {
        this.units = units;
        this.rules = rules;
    }

    record UnitPage(int page, int size, long total, List<UnitView> items) {
    }

    @GetMapping("/api/v1/units")
    UnitPage list(@RequestParam(required = false) @Pattern(regexp = "\\d{0,15}", message = "区域编码须为数字")
                  String area,
                  @RequestParam(required = false) AreaLevel level,
                  @RequestParam(required = false) UnitKind kind,
                  @RequestParam(required = false) Boolean active,
                  @RequestParam(required = false) @Size(max = 50, message = "长度不能超过50") String q,
                  @RequestParam(defaultValue = "0") @Min(value = 0, message = "不能小于0") int page,
                  @RequestParam(defaultValue = "50") @Min(value = 1, message = "不能小于1")
                  @Max(value = 500, message = "不能大于500") int size) {
        UnitDirectory.Page found = units.list(Caller.current(), area, level, kind, active, q, page, size);
        return new UnitPage(found.page(), found.size(), found.total(),
                found.items().stream().map(UnitView::of).toList());
    }

    @GetMapping("/api/v1/units/{code}")
    UnitView get(@PathVariable String code) {
        Unit unit = units.find(code).filter(u -> visible(Caller.current(), u)).orElseThrow(() -> notFound(code));
        return UnitView.of(unit);
    }

    /**
     * What an administrator sets on a department; its area and level follow from its code.
     *
     * @param feedbackPhotos how many photos of the result its feedback must carry (0–9; absent: none required)
     */
    record DepartmentRequest(@NotBlank(message = "请填写单位名称") @Size(max = 60, message = "长度不能超过60") String name,
                             @NotNull(message = "请说明单位是否启用") Boolean active,
                             @Min(value = 0, message = "不能小于0") @Max(value = 9, message = "最多9张") Integer feedbackPhotos) {
    }

    @PutMapping("/api/v1/admin/units/{code}")
    UnitView saveDepartment(@PathVariable @Pattern(regexp = DEPARTMENT_CODE,
                                    message = "职能部门编码须为「6位区县或市编码-部门代码」，如 150105-WATER") String code,
                            @Valid @RequestBody DepartmentRequest request) {
        Caller caller = Caller.current();
        String area = code.substring(0, 6);
        if (!caller.can(Role.ADMIN, area)) {
            throw Caller.outsideArea(area);
        }
        Unit centre = units.find(area).filter(u -> u.kind() == UnitKind.DISTRICT_CENTRE
                        || u.kind() == UnitKind.CITY_CENTRE)
                .orElseThrow(() -> new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "UNKNOWN_AREA", "区域不存在",
                        "网格库中没有编码为 " + area + " 的区县或市；职能部门须属于已登记的区县或市"));
        if (!request.active()) {
            List<String> naming = rulesNaming(code);
            if (!naming.isEmpty()) {
                throw new ApiException(HttpStatus.CONFLICT, "UNIT_IN_RULES", "分流规则仍指向该单位",
                        "停用前请先修改指向该单位的分流规则：" + String.join("、", naming)).with("rules", naming);
            }
        }
        AreaLevel level = centre.kind() == UnitKind.CITY_CENTRE ? AreaLevel.CITY : AreaLevel.DISTRICT;
        Unit saved = units.saveDepartment(new Unit(code, request.name().strip(), UnitKind.DEPARTMENT, level, area,
                request.active(), request.feedbackPhotos() == null ? 0 : request.feedbackPhotos(), List.of()),
                caller.id());
        return UnitView.of(saved);
    }

    /**
     * The people working for a unit (工作人员): whom its cases may be assigned to.
     *
     * @param members each by their sign-in name and the name colleagues know them by
     */
    record MembersRequest(@NotNull(message = "请填写工作人员名单") @Size(max = 200, message = "最多200人")
                          List<@Valid MemberEntry> members) {
    }

    record MemberEntry(@NotBlank(message = "请填写账号")
                       @Pattern(regexp = "[A-Za-z0-9._@-]{1,64}", message = "账号只能包含字母、数字和 . _ @ -")
                       String username,
                       @NotBlank(message = "请填写姓名") @Size(max = 30, message = "长度不能超过30") String name) {
    }

    /** Registers who works for a unit — a centre or a department — of the administrator's areas. */
    @PutMapping("/api/v1/admin/units/{code}/members")
    UnitView saveMembers(@PathVariable String code, @Valid @RequestBody MembersRequest request) {
        Caller caller = Caller.current();
        Unit unit = units.find(code).filter(u -> caller.can(Role.ADMIN, u.areaCode()))
                .orElseThrow(() -> notFound(code));
        List<Member> members = request.members().stream()
                .map(m -> new Member(m.username().strip(), m.name().strip())).toList();
        if (members.stream().map(Member::username).distinct().count() < members.size()) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "DUPLICATE_MEMBER", "工作人员重复",
                    "同一账号只能登记一次");
        }
        return UnitView.of(units.saveMembers(unit.code(), members, caller.id()));
    }

    /** The ids of the current rules that send cases to the department {@code code}. */
    private List<String> rulesNaming(String code) {
        String area = code.substring(0, 6);
        return rules.current().rules().rules().stream().filter(r -> {
            RuleTarget t = r.target();
            return switch (t.kind()) {
                case DEPARTMENT -> code.equals(t.departmentCode(area)) && r.reaches(area);
                case UNIT -> code.equals(t.code());
                case CENTRE -> false;
            };
        }).map(RoutingRule::id).toList();
    }

    /** A unit inside the caller's areas, or above them. */
    private static boolean visible(Caller caller, Unit unit) {
        return caller.covers(unit.areaCode()) || caller.areas().stream().anyMatch(mine -> unit.serves(mine));
    }

    private static ApiException notFound(String code) {
        return new ApiException(HttpStatus.NOT_FOUND, "UNIT_NOT_FOUND", "处理单位不存在",
                "单位名录中没有编码为 " + code + " 的单位，或不在您的管辖范围内");
    }
}
