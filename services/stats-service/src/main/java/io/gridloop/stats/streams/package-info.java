/**
 * Counting exactly once on Kafka Streams: each partition of the case transitions topic is one task that folds its
 * cases' facts and its share of every count cell in state stores (changelogged, committed with the input offsets
 * in one transaction), and writes the cells it changed to MongoDB as absolute values every sink interval. A rebuild
 * is the same topology under a fresh application id, counting the topic again into the next generation.
 *
 * <p>May use: counting, generations (which to count into, the followers, the districts to publish), areas (the
 * registry it learns, every district to republish), assessment (the grid workers' patrols it keeps), rebuild (the
 * starter it implements).
 */
package io.gridloop.stats.streams;
