package io.gridloop.localstack;

import io.gridloop.contracts.ServiceNames;
import io.gridloop.infra.FreePort;

import java.util.LinkedHashMap;
import java.util.Map;

/** The HTTP port of each service; 0 lets each pick a free one (tests). */
public record ServicePorts(int metrics, int intake, int dispatch, int hotlineBridge, int stats) {

    /** A free port for each service: a test's own stack beside whatever else runs. */
    public static ServicePorts free() {
        return new ServicePorts(FreePort.next(), FreePort.next(),
                FreePort.next(), FreePort.next(), FreePort.next());
    }

    /** The ports docker-compose and the README use. */
    public static final ServicePorts STANDARD = new ServicePorts(8080, 8081, 8082, 8083, 8084);
    public static final ServicePorts ANY_FREE = new ServicePorts(0, 0, 0, 0, 0);

    Map<String, Integer> byService() {
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put(ServiceNames.METRICS, metrics);
        ports.put(ServiceNames.INTAKE, intake);
        ports.put(ServiceNames.DISPATCH, dispatch);
        ports.put(ServiceNames.HOTLINE_BRIDGE, hotlineBridge);
        ports.put(ServiceNames.STATS, stats);
        return ports;
    }
}
