package io.gridloop.stats.completion;

import io.gridloop.contracts.event.CaseState;
import io.gridloop.contracts.event.CaseTransitioned;

/**
 * What one transition adds to a district's counts: a case entering REPORTED is one more 上报, entering CLOSED
 * one more 办结, leaving CLOSED (re-opened because the reporter says it is not fixed) one 办结 less. Every other
 * transition changes neither.
 */
public record CompletionDelta(long reported, long closed) {

    static final CompletionDelta NONE = new CompletionDelta(0, 0);

    public static CompletionDelta of(CaseTransitioned t) {
        if (t.toState() == CaseState.REPORTED && t.fromState() == null) {
            return new CompletionDelta(1, 0);
        }
        if (t.toState() == CaseState.CLOSED && t.fromState() != CaseState.CLOSED) {
            return new CompletionDelta(0, 1);
        }
        if (t.fromState() == CaseState.CLOSED && t.toState() != CaseState.CLOSED) {
            return new CompletionDelta(0, -1);
        }
        return NONE;
    }

    public boolean isNone() {
        return reported == 0 && closed == 0;
    }
}
