package io.gridloop.platform.web;

import org.springframework.http.HttpStatusCode;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A request the service refuses for a reason the caller can act on. Rendered as RFC 9457 problem+json with a
 * stable machine {@code code} (for programs) and a Chinese {@code title}/{@code detail} (for people).
 */
public class ApiException extends RuntimeException {

    private final HttpStatusCode status;
    private final String code;
    private final String title;
    private final Map<String, Object> properties = new LinkedHashMap<>();
    private Duration retryAfter;

    public ApiException(HttpStatusCode status, String code, String title, String detail) {
        super(detail);
        this.status = status;
        this.code = code;
        this.title = title;
    }

    /** RFC 9457's own members: an extension may not reuse them ({@code status} is the HTTP code there). */
    private static final java.util.Set<String> RESERVED = java.util.Set.of("type", "title", "status", "detail",
            "instance", "code");

    /** Adds a member to the problem document, e.g. the allowed actions of a case. */
    public ApiException with(String name, Object value) {
        if (RESERVED.contains(name)) {
            throw new IllegalArgumentException("'" + name + "' is a member of every problem document");
        }
        properties.put(name, value);
        return this;
    }

    /** Tells the caller when to try again ({@code Retry-After}), for answers such as 503. */
    public ApiException retryAfter(Duration delay) {
        this.retryAfter = delay;
        properties.put("retryAfterSeconds", delay.toSeconds());
        return this;
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    public HttpStatusCode status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String title() {
        return title;
    }

    public Map<String, Object> properties() {
        return Map.copyOf(properties);
    }
}
