package io.gridloop.hotline.client;

/**
 * The hotline did not take a call for a reason that may pass: unreachable, too slow, overloaded (5xx, 429, 408).
 * Retried, and counted against the circuit breaker.
 */
public class HotlineUnavailableException extends RuntimeException {

    public HotlineUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    public HotlineUnavailableException(String message) {
        super(message);
    }
}
