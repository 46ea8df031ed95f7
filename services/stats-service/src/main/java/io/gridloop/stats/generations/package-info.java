/**
 * Generations of counts: which one readers read and which Kafka Streams application keeps it, the rebuild filling
 * the next one and how far each application has written; the districts whose counts changed since their last
 * snapshot; and the interface of read models that follow the counting (CountFollower).
 *
 * <p>May use: counting; nothing of the packages that read or follow it (areas, overdue, query, snapshot, rebuild,
 * streams).
 */
package io.gridloop.stats.generations;
