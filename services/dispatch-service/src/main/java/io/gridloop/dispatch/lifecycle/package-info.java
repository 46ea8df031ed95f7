/**
 * A case in plain Java: CaseFile and its transitions, the state machine (the transition table), what each action
 * requires (ActionRules), the timeline and the outbox entries, the case number's shape.
 *
 * <p>May use: deadline and routing; the JDK and the contracts only (DomainIsPlainJavaTest).
 */
package io.gridloop.dispatch.lifecycle;
