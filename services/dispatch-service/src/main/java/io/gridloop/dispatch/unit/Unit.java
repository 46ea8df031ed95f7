package io.gridloop.dispatch.unit;

import io.gridloop.contracts.area.AreaCode;
import io.gridloop.contracts.area.AreaLevel;
import io.gridloop.contracts.event.CaseAction;
import io.gridloop.dispatch.lifecycle.CaseFile;
import io.gridloop.dispatch.routing.HandlingUnit;

import java.util.List;
import java.util.Optional;

/**
 * One handling unit of the directory (处置单位名录).
 *
 * @param code     the unit's code: a centre's is its area's code (the city's is the district code's first four
 *                 digits + {@code 00}); a district's department's is {@code <district code>-<department>}
 * @param areaCode the area the unit serves: a centre its own area, a department its district or city; empty for
 *                 a unit of the whole installation
 * @param active   false once the unit is retired: kept for the cases it handled, chosen for no new ones
 * @param feedbackPhotos how many photos of the result (办结照片) the unit's feedback must carry; 0: none required
 * @param members  the people working for the unit, whom its cases may be assigned to (指派)
 */
public record Unit(String code, String name, UnitKind kind, AreaLevel level, String areaCode, boolean active,
                   int feedbackPhotos, List<Member> members) {

    public Unit {
        members = members == null ? List.of() : List.copyOf(members);
    }

    public Unit(String code, String name, UnitKind kind, AreaLevel level, String areaCode, boolean active) {
        this(code, name, kind, level, areaCode, active, 0, List.of());
    }

    /** Why {@code username} may not be assigned the unit's cases; empty if they may. */
    public Optional<String> assigneeRefusal(String username) {
        if (members.isEmpty()) {
            return Optional.of("「" + name + "」尚未登记工作人员，请联系系统管理员在处置单位名录中登记后再指派");
        }
        return members.stream().anyMatch(m -> m.username().equals(username)) ? Optional.empty()
                : Optional.of("承办人须为「" + name + "」登记的工作人员");
    }

    /** Why a feedback with {@code photos} photos does not do for this unit; empty if it does. */
    public Optional<String> feedbackRefusal(int photos) {
        return photos >= feedbackPhotos ? Optional.empty()
                : Optional.of(name + "的反馈须附办结照片至少" + feedbackPhotos + "张，本次" + photos + "张");
    }

    /**
     * Whether the unit may take cases of {@code gridCode}: a centre of the grid's own areas, a department of its
     * district or city, or a unit of the whole installation — never one of another district.
     */
    public boolean serves(String gridCode) {
        return gridCode.startsWith(areaCode)
                || AreaCode.parse(gridCode).filter(g -> areaCode.equals(g.city().value())).isPresent();
    }

    public HandlingUnit handlingUnit() {
        return new HandlingUnit(code, name, level);
    }

    /**
     * Why a person may not send {@code c} to this unit by {@code action} (分流, 改派, 上报), in words the person
     * understands; empty if they may. Escalation goes exactly one level up (逐级上报), reassignment to another
     * unit, and no unit takes cases outside its area.
     */
    public Optional<String> refusalFor(CaseAction action, CaseFile c) {
        if (!active) {
            return Optional.of("处理单位「" + name + "」已停用，请选择其他单位");
        }
        if (!serves(c.area().gridCode())) {
            return Optional.of("处理单位「" + name + "」不负责案件所在的" + c.area().districtName() + "，请从本案可选的单位中选择");
        }
        if (action == CaseAction.ESCALATE) {
            Optional<AreaLevel> up = c.handling().level() == null ? Optional.empty() : c.handling().level().up();
            if (up.isPresent() && level != up.get()) {
                return Optional.of("上报须逐级进行：案件现由" + c.handling().level().label() + "办理，只能上报至"
                        + up.get().label() + "级单位，「" + name + "」是" + level.label() + "级单位");
            }
        }
        if (action == CaseAction.REASSIGN && code.equals(c.handling().unitCode())) {
            return Optional.of("案件已由「" + name + "」办理，改派须选择另一单位");
        }
        return Optional.empty();
    }
}
