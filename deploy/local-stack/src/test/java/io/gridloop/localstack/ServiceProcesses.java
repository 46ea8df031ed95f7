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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.awaitility.Awaitility.await;

/**
 * The five services each in a JVM of its own, as they run in production, so a test can kill one outright
 * (SIGKILL: no shutdown hook, no graceful close, whatever it was doing abandoned) and start it again. They
 * share this JVM's class path and reach the broker, the database and the issuer the test runs.
 */
final class ServiceProcesses implements AutoCloseable {

    private final Map<String, Integer> ports = new LinkedHashMap<>();
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

    String baseUrl(String service) {
        return "http://localhost:" + ports.get(service);
    }

    /** Kills the service's process (SIGKILL), then starts it again and waits until it is ready. */
    void killAndRestart(String service, Duration patience) {
        Process process = running.remove(service);
        process.destroyForcibly();
        await().atMost(Duration.ofSeconds(30)).until(() -> !process.isAlive());
        launch(service);
        awaitReady(service, patience);
    }

    private void launch(String service) {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(List.of("-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Djava.io.tmpdir=" + logs.toAbsolutePath(), "--sun-misc-unsafe-memory-access=allow",
                "-cp", System.getProperty("java.class.path"),
                GridloopStack.applications().get(service).getName()));
        command.addAll(List.of(GridloopStack.arguments(ports.get(service), kafka, mongo, settings)));
        int start = starts.merge(service, 1, Integer::sum);
        try {
            running.put(service, new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(logs.resolve(service + "-" + start + ".log").toFile()).start());
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + service, e);
        }
    }

    private void awaitReady(String service, Duration patience) {
        await().atMost(patience).pollInterval(Duration.ofMillis(500)).ignoreExceptionsInstanceOf(IOException.class)
                .until(() -> {
            if (!running.get(service).isAlive()) {
                throw new IllegalStateException(service + " exited; see " + logs);
            }
            return http.send(HttpRequest.newBuilder(URI.create(baseUrl(service) + "/actuator/health/readiness"))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode() == 200;
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
