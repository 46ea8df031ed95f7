/**
 * 统计重算: every count again from the transitions, into a new generation — started and followed here, run by
 * whichever engine counts (RebuildStarter).
 *
 * <p>May use: generations.
 */
package io.gridloop.stats.rebuild;
