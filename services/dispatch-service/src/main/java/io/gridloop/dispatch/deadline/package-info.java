/**
 * The deadline rules in plain Java: the working-day calendar, the 1-3-5 policy, a case's deadlines and how they
 * move (extension, suspension, handling again).
 *
 * <p>May use: the JDK and the contracts only (DomainIsPlainJavaTest).
 */
package io.gridloop.dispatch.deadline;
