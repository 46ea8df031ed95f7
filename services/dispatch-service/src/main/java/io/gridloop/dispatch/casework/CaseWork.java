package io.gridloop.dispatch.casework;

import io.gridloop.dispatch.casestore.CaseFiles;
import io.gridloop.platform.problem.Refusal;
import io.gridloop.dispatch.lifecycle.ActionRules;
import io.gridloop.dispatch.calendar.CalendarStore;
import io.gridloop.dispatch.lifecycle.ActionInput;
import io.gridloop.contracts.event.CaseAction;
import io.gridloop.dispatch.lifecycle.CaseFile;
import io.gridloop.dispatch.lifecycle.IllegalTransitionException;
import io.gridloop.dispatch.lifecycle.InvalidActionException;
import io.gridloop.dispatch.casestore.CaseCommits;
import io.gridloop.dispatch.routing.RuleSet;
import io.gridloop.dispatch.rules.RoutingRules;
import io.gridloop.dispatch.unit.UnitChoice;
import io.gridloop.dispatch.unit.UnitDirectory;
import io.gridloop.platform.photo.PhotoStore;
import io.gridloop.platform.web.ApiException;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The people's side of the loop: operators route (分流), assign (指派) and reassign (改派); handlers claim (签收),
 * accept (受理), return (退单), escalate, ask for more time and feed back (反馈); the reviewing level closes (结案)
 * or sends back (返工); operators suspend, merge and invalidate.
 * Each action is checked against the transition table and applied only to the version of the case it was
 * checked against, so two operators can never both close one case.
 */
@Service
public class CaseWork {

    private final CaseFiles cases;
    private final CaseCommits commits;
    private final CalendarStore calendar;
    private final RoutingRules rules;
    private final PhotoStore photos;
    private final UnitChoice unitChoice;
    private final UnitDirectory units;
    private final Clock clock;

    CaseWork(CaseFiles cases, CaseCommits commits, CalendarStore calendar, RoutingRules rules,
             PhotoStore photos, UnitChoice unitChoice, UnitDirectory units, Clock clock) {
        this.unitChoice = unitChoice;
        this.units = units;
        this.commits = commits;
        this.rules = rules;
        this.photos = photos;
        this.cases = cases;
        this.calendar = calendar;
        this.clock = clock;
    }

    public CaseFile act(String caseId, String actionName, ActionInput input) {
        return act(caseId, actionName, input, c -> true);
    }

    /**
     * Like {@link #act(String, String, ActionInput)}, for actions a message asks for: applied only while
     * {@code stillApplies} holds for the case as it is now — checked again after a concurrent change.
     *
     * @return the case after the action, or {@code null} if it no longer applied
     */
    public CaseFile act(String caseId, String actionName, ActionInput input, Predicate<CaseFile> stillApplies) {
        return act(caseId, manual(actionName), input, stillApplies);
    }

    /**
     * An action a person asks for, in the role {@code roleFor} gives them for the case as it is under its lock —
     * where a reassignment in between is seen; {@code roleFor} refuses (throws) if they may not act at all.
     */
    public CaseFile actAs(String caseId, String actionName, ActionInput input, Function<CaseFile, String> roleFor) {
        return actAs(caseId, actionName, input, null, roleFor);
    }

    /**
     * As above, sending the case to the unit the person chose from the directory ({@code unitCode}) where the
     * action sends it somewhere (分流, 改派, 上报); checked against the case as it is under its lock.
     */
    public CaseFile actAs(String caseId, String actionName, ActionInput input, String unitCode,
                          Function<CaseFile, String> roleFor) {
        CaseAction action = manual(actionName);
        if (unitCode == null || !ActionRules.sendsToUnit(action)) {
            return act(caseId, action, input, c -> true, roleFor);
        }
        return act(caseId, action, input, c -> true,
                roleFor, c -> input.routedBy(unitChoice.decide(unitCode, action, c)));
    }

    private static CaseAction manual(String actionName) {
        return CaseAction.fromWireName(actionName).filter(ActionRules::manual)
                .orElseThrow(() -> new Refusal(Refusal.Kind.MALFORMED, "UNKNOWN_ACTION", "不支持的操作",
                        "没有名为 " + actionName + " 的案件操作").with("actions", Arrays.stream(CaseAction.values())
                        .filter(ActionRules::manual).map(CaseAction::wireName).toList()));
    }

    /**
     * Any action, also those people may not ask for over HTTP (a 12345 return visit): for messages from other
     * services. Applied only while {@code stillApplies} holds, as above.
     *
     * @return the case after the action, or {@code null} if it no longer applied
     */
    public CaseFile act(String caseId, CaseAction action, ActionInput input, Predicate<CaseFile> stillApplies) {
        return act(caseId, action, input, stillApplies, c -> input.role());
    }

    private CaseFile act(String caseId, CaseAction action, ActionInput input, Predicate<CaseFile> stillApplies,
                         Function<CaseFile, String> roleFor) {
        return act(caseId, action, input, stillApplies, roleFor, c -> input);
    }

    /** {@code inputFor} completes the input on the case as it is under its lock (a chosen unit's check). */
    private CaseFile act(String caseId, CaseAction action, ActionInput input, Predicate<CaseFile> stillApplies,
                         Function<CaseFile, String> roleFor, Function<CaseFile, ActionInput> inputFor) {
        photos.requireUploaded(input.photoIds(), "");
        if (action == CaseAction.MERGE && input.mergeInto() != null) {
            CaseFile target = get(input.mergeInto());
            if (target.state().isFinal()) {
                throw Refusal.conflict("MERGE_TARGET_FINAL", "不能并入已办结的案件",
                        "案件 " + target.id() + " 处于「" + target.state().label() + "」状态");
            }
        }
        CaseFile after = commits.commit(caseId, c -> transition(c, action, inputFor, stillApplies, roleFor))
                .map(CaseFile.Transition::after).orElse(null);
        if (after != null) {
            // Only once the action is the case's: whoever may read the case may now read its photos.
            input.photoIds().forEach(photoId -> photos.attach(photoId, caseId));
        }
        return after;
    }

    /** The transition {@code action} makes of the case as it is under its lock; empty if it no longer applies. */
    private Optional<CaseFile.Transition> transition(CaseFile current, CaseAction action,
                                                     Function<CaseFile, ActionInput> inputFor,
                                                     Predicate<CaseFile> stillApplies,
                                                     Function<CaseFile, String> roleFor) {
        if (!stillApplies.test(current)) {
            return Optional.empty();
        }
        // Who may act first, then what they chose: a caller outside the case learns nothing of its units.
        String role = roleFor.apply(current);
        ActionInput asRole = inputFor.apply(current).actingAs(role);
        if (action == CaseAction.FEEDBACK) {
            unitChoice.checkFeedback(current, asRole.photoIds().size());
        }
        if (action == CaseAction.ASSIGN && asRole.assignee() != null && !asRole.assignee().isBlank()) {
            unitChoice.checkAssignee(current, asRole.assignee().strip());
        }
        try {
            ActionInput in = withRouting(current, action, asRole);
            return Optional.of(current.next(action, in, calendar.policy().calendar(), clock.instant()));
        } catch (IllegalTransitionException e) {
            throw Refusal.conflict("ILLEGAL_TRANSITION", "当前状态不允许该操作",
                    "案件处于「" + e.from().label() + "」状态，不能" + action.label())
                    .with("state", e.from().name())
                    .with("allowedActions", e.allowed().stream().filter(ActionRules::manual)
                            .map(CaseAction::wireName).sorted().toList());
        } catch (InvalidActionException e) {
            Refusal problem = Refusal.invalid("INVALID_ACTION", "操作信息不完整或不适用", e.getMessage());
            if (e.field() != null) {
                problem.with("errors", java.util.List.of(Map.of("field", e.field(), "code", "Required",
                        "message", problem.getMessage())));
            }
            throw problem;
        }
    }

    /**
     * Lets the rules pick the unit where a person did not: routing from triage, and escalation (the rules may
     * name a department at the level above; otherwise that level's centre takes it). Reassignment (改派) is a
     * person's decision and always names its unit.
     */
    private ActionInput withRouting(CaseFile c, CaseAction action, ActionInput input) {
        if (input.routing() != null) {
            return input;
        }
        RuleSet ruleSet = rules.current().rules();
        if (action == CaseAction.ROUTE) {
            return switch (ruleSet.retriage(c.report().subCategory(), c.report().category(), c.handling().level(),
                    c.area(), c.returnedBy())) {
                case RuleSet.Retriage.Routed r -> input.routedBy(units.named(r.decision()));
                case RuleSet.Retriage.NoRule n -> throw Refusal.invalid("NO_MATCHING_RULE", "没有适用的分流规则",
                        "没有分流规则适用于该案件，请指定处理单位 (unitCode)");
                case RuleSet.Retriage.ToReturningUnit u -> throw Refusal.invalid("RULE_PICKS_RETURNING_UNIT",
                        "分流规则指向退单单位", "分流规则将案件派回退单的" + u.unit().name() + "，请人工指定处理单位 (unitCode)");
            };
        }
        if (action == CaseAction.ESCALATE && c.handling().level() != null && c.handling().level().up().isPresent()) {
            return input.routedBy(units.named(ruleSet.escalate(c.report().subCategory(), c.report().category(),
                    c.handling().level().up().get(), c.area())));
        }
        return input;
    }

    public CaseFile get(String caseId) {
        return cases.find(caseId).orElseThrow(() -> CaseFiles.notFound(caseId));
    }
}
