package io.gridloop.dispatch.lifecycle;

import io.gridloop.contracts.event.CaseState;

import java.time.Instant;

/** One line of a case's history: who did what, when, from which state to which, and why. */
public record TimelineEntry(int sequence, String action, CaseState fromState, CaseState toState, String actor,
                            String comment, Instant at) {
}
