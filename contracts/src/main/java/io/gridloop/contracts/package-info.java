/**
 * The wire between the services: the topic registry (Topics, each Topic with its data type, key, partitions,
 * producer and consumers), the CloudEvents envelope and the codec every service reads and writes it with.
 *
 * <p>May use: the JDK and Jackson only; everything in gridloop may use it.
 */
package io.gridloop.contracts;
