/**
 * Routing in plain Java: the rules (RoutingRule, RuleSet: the most specific match, re-triage, escalation one level
 * up), their targets, the grid centres of every level and the triage desk.
 *
 * <p>May use: the JDK and the contracts only (DomainIsPlainJavaTest).
 */
package io.gridloop.dispatch.routing;
