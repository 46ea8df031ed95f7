package io.gridloop.contracts;

/** The services' names as they appear in event {@code source} fields, the AsyncAPI document and metrics tags. */
public final class ServiceNames {

    public static final String INTAKE = "intake-service";
    public static final String DISPATCH = "dispatch-service";
    public static final String HOTLINE_BRIDGE = "hotline-bridge";
    public static final String STATS = "stats-service";
    public static final String METRICS = "metrics-service";

    private ServiceNames() {
    }
}
