package io.gridloop.dispatch.lifecycle;

import io.gridloop.contracts.event.CaseAction;
import io.gridloop.contracts.event.CaseState;

import java.util.Set;

/** An action the case's current state does not allow. Carries what is allowed, for the 409 answer. */
public class IllegalTransitionException extends RuntimeException {

    private final CaseState from;
    private final CaseAction action;
    private final Set<CaseAction> allowed;

    public IllegalTransitionException(CaseState from, CaseAction action, Set<CaseAction> allowed) {
        super("cannot " + action.wireName() + " a case in state " + from + "; allowed: " + allowed);
        this.from = from;
        this.action = action;
        this.allowed = Set.copyOf(allowed);
    }

    public CaseState from() {
        return from;
    }

    public CaseAction action() {
        return action;
    }

    public Set<CaseAction> allowed() {
        return allowed;
    }
}
