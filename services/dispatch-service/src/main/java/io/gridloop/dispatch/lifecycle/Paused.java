package io.gridloop.dispatch.lifecycle;

import io.gridloop.contracts.event.CaseState;

import java.time.Instant;

/**
 * A case taken off its course for a while: suspended (挂起, the clock stops) or awaiting the decision on an extension
 * (延期申请). Either way it returns to the state it left.
 *
 * @param returnTo               the state to return to
 * @param requestedExtensionDays the working days a pending extension request asks for; absent while suspended
 * @param suspendedAt            since when the case is suspended; absent while an extension awaits its decision
 */
public record Paused(CaseState returnTo, Integer requestedExtensionDays, Instant suspendedAt) {

    static Paused forExtension(CaseState returnTo, int workingDays) {
        return new Paused(returnTo, workingDays, null);
    }

    static Paused suspended(CaseState returnTo, Instant at) {
        return new Paused(returnTo, null, at);
    }
}
