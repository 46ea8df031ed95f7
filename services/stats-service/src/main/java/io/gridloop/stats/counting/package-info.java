/**
 * The counting rules in plain Java: a case's facts after each transition, and what each change adds to or takes
 * from each count (CountingIsPlainJavaTest).
 *
 * <p>May use: the contracts only.
 */
package io.gridloop.stats.counting;
