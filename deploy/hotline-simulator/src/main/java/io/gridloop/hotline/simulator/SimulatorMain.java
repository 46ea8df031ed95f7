package io.gridloop.hotline.simulator;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the simulator on its own, e.g. beside docker-compose:
 * {@code java -cp <classpath> io.gridloop.hotline.simulator.SimulatorMain --port=8093
 * --bridge=http://localhost:8083 --secret=... --grids=150105001001003,150102001002001}. With grids given,
 * {@code POST /sim/orders?count=N} pushes N orders; {@code POST /sim/faults} and {@code POST /sim/down?seconds=N}
 * make it misbehave; {@code GET /sim/state} says what it received.
 */
public final class SimulatorMain {

    private SimulatorMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        int port = 8093;
        String bridge = "http://localhost:8083";
        String secret = "gridloop-development-only-12345-hmac-secret";
        List<String> grids = List.of();
        for (String arg : args) {
            String value = arg.substring(arg.indexOf('=') + 1);
            if (arg.startsWith("--port=")) {
                port = Integer.parseInt(value);
            } else if (arg.startsWith("--bridge=")) {
                bridge = value;
            } else if (arg.startsWith("--secret=")) {
                secret = value;
            } else if (arg.startsWith("--grids=")) {
                grids = Arrays.asList(value.split(","));
            } else {
                throw new IllegalArgumentException("unknown option " + arg
                        + "; known: --port=N --bridge=URL --secret=S --grids=CODE,CODE");
            }
        }
        HotlineSimulator simulator = HotlineSimulator.start(port, secret, System.nanoTime())
                .bridgeUrl(bridge).autoVisits(Duration.ofSeconds(5))
                .autoExtensionDecisions(Duration.ofSeconds(5), true);
        if (!grids.isEmpty()) {
            simulator.orderFactory(new OrderFactory(grids, System.nanoTime(), "M"));
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            simulator.close();
            stopped.countDown();
        }));
        System.out.println("12345 hotline simulator on " + simulator.baseUrl() + ", pushing to " + bridge
                + "; state at " + simulator.baseUrl() + "/sim/state with the header "
                + HotlineSimulator.ADMIN_KEY_HEADER + ": " + simulator.adminKey());
        stopped.await();
    }
}
