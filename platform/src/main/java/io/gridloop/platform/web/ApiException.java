package io.gridloop.platform.web;

import io.gridloop.platform.problem.Problem;
import org.springframework.http.HttpStatusCode;

import java.time.Duration;

/**
 * An answer the HTTP edge gives with a status of its own (401, 503 with {@code Retry-After}, a parameter that cannot
 * be read): rendered as RFC 9457 problem+json with a stable machine {@code code} (for programs) and a Chinese
 * {@code title}/{@code detail} (for people). Application code refuses with {@link io.gridloop.platform.problem.Refusal}
 * instead, which does not know HTTP.
 */
public class ApiException extends Problem {

    private final HttpStatusCode status;
    private Duration retryAfter;

    public ApiException(HttpStatusCode status, String code, String title, String detail) {
        super(code, title, detail);
        this.status = status;
    }

    /** Adds a member to the problem document, e.g. the allowed actions of a case. */
    public ApiException with(String name, Object value) {
        add(name, value);
        return this;
    }

    /** Tells the caller when to try again ({@code Retry-After}), for answers such as 503. */
    public ApiException retryAfter(Duration delay) {
        this.retryAfter = delay;
        add("retryAfterSeconds", delay.toSeconds());
        return this;
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    public HttpStatusCode status() {
        return status;
    }

}
