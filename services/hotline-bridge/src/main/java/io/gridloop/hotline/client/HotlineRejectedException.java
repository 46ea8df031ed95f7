package io.gridloop.hotline.client;

/**
 * The hotline answered and refused what we sent (a 4xx other than 408/429): sending the same bytes again cannot
 * help, so it is neither retried nor held against the hotline's health.
 */
public class HotlineRejectedException extends RuntimeException {

    private final int status;

    public HotlineRejectedException(int status, String body) {
        super("12345 platform refused the request: HTTP " + status + " " + abbreviate(body));
        this.status = status;
    }

    public int status() {
        return status;
    }

    private static String abbreviate(String body) {
        return body == null ? "" : body.length() > 500 ? body.substring(0, 500) + "…" : body;
    }
}
