package io.gridloop.localstack;

import io.gridloop.infra.FreePort;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.awaitility.Awaitility.await;

/**
 * The five services each in a JVM of its own, as they run in production, so a test can kill one outright
 * (SIGKILL: no shutdown hook, no graceful close, whatever it was doing abandoned) and start it again, or run a
 * second instance of one beside the first — another port, the same consumer groups and database — and stop
 * either. They share this JVM's class path and reach the broker, the database and the issuer the test runs.
 *
 * <p>Instances are named by service, the first one {@code dispatch-service}, a second {@code dispatch-service#2}.
 */
final class ServiceProcesses implements AutoCloseable {

    /** Every instance ever started, by instance name, with its port. */
    private final Map<String, Integer> ports = new ConcurrentHashMap<>();
    private final Map<String, Process> running = new ConcurrentHashMap<>();
    private final Map<String, Integer> starts = new ConcurrentHashMap<>();
    private final String kafka;
    private final String mongo;
    private final Map<String, Object> settings;
    private final Path logs;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private ServiceProcesses(String kafka, String mongo, Map<String, Object> settings, Path logs) {
        this.kafka = kafka;
        this.mongo = mongo;
        this.settings = Map.copyOf(settings);
        this.logs = logs;
        GridloopStack.applications().keySet().forEach(service -> ports.put(service, FreePort.next()));
    }

    /** Starts all five at once and waits until each is ready. */
    static ServiceProcesses start(String kafka, String mongo, Map<String, Object> settings, Path logs,
                                  Duration patience) {
        ServiceProcesses services = new ServiceProcesses(kafka, mongo, settings, logs);
        services.ports.keySet().forEach(services::launch);
        services.ports.keySet().forEach(service -> services.awaitReady(service, patience));
        return services;
    }

    /** The address of an instance; a service's name stands for its first instance still running. */
    String baseUrl(String instance) {
        String running = instance.contains("#") ? instance : instances(instance).getFirst();
        return "http://localhost:" + ports.get(running);
    }

    /** The HTTP status of an instance's probe: {@code liveness} or {@code readiness} (200 UP, 503 DOWN). */
    int probe(String instance, String group) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(baseUrl(instance) + "/actuator/health/" + group))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    int port(String instance) {
        return ports.get(instance);
    }

    /** The running instances of {@code service}, first started first. */
    List<String> instances(String service) {
        return running.keySet().stream().filter(i -> serviceOf(i).equals(service))
                .sorted(Comparator.comparingInt(ServiceProcesses::number)).toList();
    }

    /** Starts another instance of each of {@code services} on a port of its own; waits until all are ready. */
    List<String> addInstances(List<String> services, Duration patience) {
        List<String> added = new ArrayList<>();
        for (String service : services) {
            int next = ports.keySet().stream().filter(i -> serviceOf(i).equals(service))
                    .mapToInt(ServiceProcesses::number).max().orElse(0) + 1;
            String instance = service + "#" + next;
            ports.put(instance, FreePort.next());
            launch(instance);
            added.add(instance);
        }
        added.forEach(instance -> awaitReady(instance, patience));
        return added;
    }

    /** Stops an instance as an orchestrator scaling in does (SIGTERM: graceful shutdown), and waits for it. */
    void stop(String instance, Duration patience) {
        Process process = running.remove(instance);
        process.destroy();
        await().atMost(patience).until(() -> !process.isAlive());
    }

    /** Kills the instance's process (SIGKILL), then starts it again and waits until it is ready. */
    void killAndRestart(String instance, Duration patience) {
        Process process = running.remove(instance);
        process.destroyForcibly();
        await().atMost(Duration.ofSeconds(30)).until(() -> !process.isAlive());
        launch(instance);
        awaitReady(instance, patience);
    }

    private static String serviceOf(String instance) {
        int hash = instance.indexOf('#');
        return hash < 0 ? instance : instance.substring(0, hash);
    }

    private static int number(String instance) {
        int hash = instance.indexOf('#');
        return hash < 0 ? 1 : Integer.parseInt(instance.substring(hash + 1));
    }

    private void launch(String instance) {
        String service = serviceOf(instance);
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(List.of("-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Djava.io.tmpdir=" + logs.toAbsolutePath(), "--sun-misc-unsafe-memory-access=allow",
                "-cp", System.getProperty("java.class.path"),
                GridloopStack.applications().get(service).getName()));
        command.addAll(List.of(GridloopStack.arguments(ports.get(instance), kafka, mongo, settings)));
        int start = starts.merge(instance, 1, Integer::sum);
        try {
            running.put(instance, new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(logs.resolve(instance + "-start" + start + ".log").toFile()).start());
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + instance, e);
        }
    }

    private void awaitReady(String instance, Duration patience) {
        await().atMost(patience).pollInterval(Duration.ofMillis(500)).ignoreExceptionsInstanceOf(IOException.class)
                .until(() -> {
            if (!running.get(instance).isAlive()) {
                throw new IllegalStateException(instance + " exited; see " + logs);
            }
            return probe(instance, "readiness") == 200;
        });
    }

    @Override
    public void close() {
        running.values().forEach(Process::destroy);
        running.values().forEach(p -> {
            try {
                if (!p.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                p.destroyForcibly();
            }
        });
    }
}
