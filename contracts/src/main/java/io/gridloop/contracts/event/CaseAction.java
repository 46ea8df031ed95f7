package io.gridloop.contracts.event;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.Optional;

/**
 * What can happen to a case (案件操作): the {@code action} of {@code grid.case.transitioned.v1} and the last part of
 * dispatch's action URLs. Every service that reacts to an action names it by this enum, so renaming one breaks the
 * build rather than silently stopping a count (按时响应 is judged by {@link #CLAIM} and {@link #ACCEPT}).
 *
 * <p>On the wire an action is its {@link #wireName()} ({@code accept}, {@code request-extension}…). Dispatch adds
 * actions over time; a consumer built before one was added reads it as {@link #UNKNOWN} and goes on with the state
 * change the event carries, rather than dead-lettering it.
 *
 * <p>{@code route} is also taken by the system when a case opens and a rule routes it; {@code claim} and
 * {@code assign} name the person working the case and change no state; {@code warn} and {@code overdue} are the
 * deadline watch's and change no state; {@code visit} is the 12345 return visit's.
 */
public enum CaseAction {
    REPORT("上报"),
    ROUTE("分流"),
    CLAIM("签收"),
    ASSIGN("指派"),
    REASSIGN("改派"),
    ACCEPT("受理"),
    RETURN("退单"),
    ESCALATE("上报上级"),
    FEEDBACK("反馈"),
    CLOSE("复核通过并结案"),
    REWORK("复核不通过（返工）"),
    REQUEST_EXTENSION("申请延期"),
    APPROVE_EXTENSION("批准延期"),
    REJECT_EXTENSION("驳回延期"),
    SUSPEND("挂起"),
    RESUME("恢复办理"),
    MERGE("并单"),
    REOPEN("重新办理（群众反映未解决）"),
    INVALIDATE("作废"),
    WARN("临期预警"),
    OVERDUE("超期督办"),
    VISIT("12345回访"),
    /** An action this build does not know yet, as read from the wire; never written. */
    UNKNOWN("其他操作");

    private final String label;

    CaseAction(String label) {
        this.label = label;
    }

    /** The name in events and URLs: {@code accept}, {@code request-extension}… */
    @JsonValue
    public String wireName() {
        return name().toLowerCase().replace('_', '-');
    }

    /** What people call it, on the case's timeline and its buttons. */
    public String label() {
        return label;
    }

    /** The action of a wire name; {@link #UNKNOWN} for a name this build does not know (tolerant reading). */
    @JsonCreator
    public static CaseAction read(String wireName) {
        return fromWireName(wireName).orElse(UNKNOWN);
    }

    /** The action a person or a stored record names, if it is one this build knows. */
    public static Optional<CaseAction> fromWireName(String wireName) {
        return Arrays.stream(values()).filter(a -> a != UNKNOWN && a.wireName().equals(wireName)).findFirst();
    }
}
