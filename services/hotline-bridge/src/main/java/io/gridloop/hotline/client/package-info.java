/**
 * The client of the 12345 platform's API, behind retry, circuit breaker, rate limiter, bulkhead and time limiter.
 *
 * <p>May use: the settings and the contracts' hotline records.
 */
package io.gridloop.hotline.client;
