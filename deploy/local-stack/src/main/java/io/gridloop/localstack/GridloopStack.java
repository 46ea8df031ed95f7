package io.gridloop.localstack;

import io.gridloop.contracts.ServiceNames;
import io.gridloop.dispatch.DispatchApplication;
import io.gridloop.hotline.HotlineBridgeApplication;
import io.gridloop.intake.IntakeApplication;
import io.gridloop.metrics.MetricsApplication;
import io.gridloop.stats.StatsApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The five services, each in its own Spring context in this JVM, pointed at one Kafka and one MongoDB with the
 * same property keys docker-compose sets ({@code spring.kafka.bootstrap-servers}, {@code spring.mongodb.uri});
 * only the addresses differ. Used by the local stack and by the end-to-end tests.
 */
public final class GridloopStack implements AutoCloseable {

    private static final Map<String, Class<?>> APPLICATIONS = new LinkedHashMap<>();

    static {
        APPLICATIONS.put(ServiceNames.METRICS, MetricsApplication.class);
        APPLICATIONS.put(ServiceNames.INTAKE, IntakeApplication.class);
        APPLICATIONS.put(ServiceNames.DISPATCH, DispatchApplication.class);
        APPLICATIONS.put(ServiceNames.HOTLINE_BRIDGE, HotlineBridgeApplication.class);
        APPLICATIONS.put(ServiceNames.STATS, StatsApplication.class);
    }

    /** Each service's Spring Boot application class, by service name. */
    static Map<String, Class<?>> applications() {
        return java.util.Collections.unmodifiableMap(APPLICATIONS);
    }

    /**
     * The arguments a service starts with: the same property keys docker-compose sets, as command-line
     * arguments so they sit above everything in the services' own files.
     */
    static String[] arguments(int port, String kafkaBootstrap, String mongoUri, Map<String, Object> extra) {
        Map<String, Object> props = new LinkedHashMap<>(extra);
        props.put("spring.kafka.bootstrap-servers", kafkaBootstrap);
        props.put("spring.mongodb.uri", mongoUri);
        props.put("server.port", port);
        props.put("spring.main.banner-mode", "off");
        return props.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
    }

    private final Map<String, ConfigurableApplicationContext> contexts;

    private GridloopStack(Map<String, ConfigurableApplicationContext> contexts) {
        this.contexts = contexts;
    }

    /**
     * Starts all five services, two at a time.
     *
     * @param extra further properties for every service, e.g. shorter intervals in tests
     */
    public static GridloopStack start(String kafkaBootstrap, String mongoUri, ServicePorts ports,
                                      Map<String, Object> settings) {
        Map<String, Object> extra = withAddresses(ports, settings);
        Map<String, ConfigurableApplicationContext> started = new LinkedHashMap<>();
        List<Throwable> failures = new ArrayList<>();
        List<Map.Entry<String, Integer>> services = new ArrayList<>(ports.byService().entrySet());
        // The first service sets up logging for the whole JVM; the others must not set it up again at the same
        // time, or every line is printed twice.
        Map.Entry<String, Integer> first = services.removeFirst();
        startInto(started, failures, first.getKey(), () -> run(first, kafkaBootstrap, mongoUri, extra));
        String previous = System.setProperty(LOGGING_SYSTEM, "none");
        try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
            // Two at a time: the machines this runs on have two cores, and Spring start-up is CPU-bound.
            Map<String, Future<ConfigurableApplicationContext>> starting = new LinkedHashMap<>();
            for (Map.Entry<String, Integer> service : services) {
                starting.put(service.getKey(), pool.submit(() -> run(service, kafkaBootstrap, mongoUri, extra)));
            }
            starting.forEach((name, future) -> startInto(started, failures, name, future::get));
        } finally {
            if (previous == null) {
                System.clearProperty(LOGGING_SYSTEM);
            } else {
                System.setProperty(LOGGING_SYSTEM, previous);
            }
        }
        if (!failures.isEmpty()) {
            new GridloopStack(started).close();
            IllegalStateException failed = new IllegalStateException("the stack did not start");
            failures.forEach(failed::addSuppressed);
            throw failed;
        }
        return new GridloopStack(started);
    }

    /**
     * {@code settings} with what the pages need to know of these ports, unless set: where browsers reach each
     * service, and that every service answers the pages' origin (metrics-service's).
     */
    static Map<String, Object> withAddresses(ServicePorts ports, Map<String, Object> settings) {
        Map<String, Object> all = new LinkedHashMap<>(settings);
        if (ports.metrics() == 0) {
            return all;  // ports picked at start: nobody browses such a stack
        }
        String local = "http://localhost:";
        all.putIfAbsent("gridloop.web.cors.origins", local + ports.metrics() + ",http://127.0.0.1:" + ports.metrics());
        all.putIfAbsent("gridloop.workbench.intake-url", local + ports.intake());
        all.putIfAbsent("gridloop.workbench.dispatch-url", local + ports.dispatch());
        all.putIfAbsent("gridloop.workbench.hotline-url", local + ports.hotlineBridge());
        all.putIfAbsent("gridloop.workbench.stats-url", local + ports.stats());
        return all;
    }

    private static final String LOGGING_SYSTEM = "org.springframework.boot.logging.LoggingSystem";

    private static ConfigurableApplicationContext run(Map.Entry<String, Integer> service, String kafkaBootstrap,
                                                      String mongoUri, Map<String, Object> extra) {
        Map<String, Object> props = new LinkedHashMap<>(extra);
        // One JVM, one logging system: name lines by logger (io.gridloop.<service>…), not by application.
        props.put("logging.include-application-name", "false");
        String[] args = arguments(service.getValue(), kafkaBootstrap, mongoUri, props);
        return new SpringApplicationBuilder(APPLICATIONS.get(service.getKey()))
                .registerShutdownHook(false)
                .run(args);
    }

    private interface Starting {
        ConfigurableApplicationContext get() throws Exception;
    }

    private static void startInto(Map<String, ConfigurableApplicationContext> started, List<Throwable> failures,
                                  String name, Starting starting) {
        try {
            started.put(name, starting.get());
        } catch (ExecutionException e) {
            failures.add(new IllegalStateException(name + " did not start", e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failures.add(e);
        } catch (Exception e) {
            failures.add(new IllegalStateException(name + " did not start", e));
        }
    }

    /** {@code http://localhost:<port>} of a service. */
    public String baseUrl(String service) {
        ConfigurableApplicationContext context = contexts.get(service);
        if (context == null) {
            throw new IllegalArgumentException("no service " + service);
        }
        return "http://localhost:" + ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    /** Stops the services, the ones that read from others first. */
    @Override
    public void close() {
        List<String> order = new ArrayList<>(contexts.keySet());
        java.util.Collections.reverse(order);
        for (String service : order) {
            ConfigurableApplicationContext context = contexts.get(service);
            if (context != null && context.isActive()) {
                context.close();
            }
        }
    }
}
