package io.gridloop.infra.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real Keycloak, from its own distribution ({@code org.keycloak:keycloak-quarkus-dist} on Maven Central, unpacked
 * by the build), run as a separate process without Docker: {@code kc.sh start-dev} on an in-memory database, the
 * given realm exports imported at every start. Used where gridloop must be proven against the sign-in an
 * installation really runs (the acceptance tests, {@code run.sh --keycloak}); the development issuer serves the
 * same realm where Keycloak's start-up (half a minute, a minute on first start) is too heavy.
 */
public final class KeycloakServer implements AutoCloseable {

    /** The master realm's administrator this server is started with (Keycloak's bootstrap admin). */
    public static final String ADMIN = "admin";

    private static final Duration START_PATIENCE = Duration.ofMinutes(4);

    private final Process process;
    private final String baseUrl;
    private final String adminPassword;
    private final Path log;
    private final String firstRealm;

    private KeycloakServer(Process process, String baseUrl, String adminPassword, Path log, String firstRealm) {
        this.process = process;
        this.baseUrl = baseUrl;
        this.adminPassword = adminPassword;
        this.log = log;
        this.firstRealm = firstRealm;
    }

    /**
     * Starts Keycloak from {@code home} (an unpacked distribution) on {@code port} with these realm exports, and
     * waits until the first realm answers its discovery document.
     *
     * @param realms realm name → its export (JSON); each is imported under the file name Keycloak requires
     *               ({@code <realm>-realm.json}), or the import refuses to start
     */
    public static KeycloakServer start(Path distribution, int port, Map<String, byte[]> realms,
                                       String adminPassword) {
        KeycloakServer server = launch(distribution, port, realms, adminPassword);
        server.awaitReady();
        return server;
    }

    /** Starts Keycloak as {@link #start} does, without waiting for it: {@link #awaitReady()} does. */
    public static KeycloakServer launch(Path distribution, int port, Map<String, byte[]> realms,
                                        String adminPassword) {
        Path home = distribution.toAbsolutePath().normalize();
        if (!Files.isExecutable(home.resolve("bin/kc.sh"))) {
            throw new IllegalStateException("no Keycloak distribution at " + home
                    + " (the build unpacks org.keycloak:keycloak-quarkus-dist there)");
        }
        try {
            Path imports = home.resolve("data/import");
            clear(imports);
            Files.createDirectories(imports);
            for (Map.Entry<String, byte[]> realm : realms.entrySet()) {
                Files.write(imports.resolve(realm.getKey() + "-realm.json"), realm.getValue());
            }
            Path log = home.resolve("keycloak-" + port + ".log");
            String base = "http://localhost:" + port;
            List<String> command = List.of(home.resolve("bin/kc.sh").toString(), "start-dev", "--import-realm",
                    // Nothing outlives the process: every start imports the realms afresh.
                    "--db=dev-mem",
                    "--http-port=" + port,
                    // Tokens name the issuer as browsers and services on this machine reach it.
                    "--hostname=" + base);
            ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            // Keycloak needs Java 21 or newer: the JVM running gridloop, not whatever java is on the PATH.
            builder.environment().put("JAVA_HOME", javaHome().toString());
            builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN);
            builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", adminPassword);
            return new KeycloakServer(builder.start(), base, adminPassword, log, realms.keySet().iterator().next());
        } catch (IOException e) {
            throw new UncheckedIOException("Keycloak could not start from " + home, e);
        }
    }

    /** The issuer URI of one of its realms, as tokens name it. */
    public String issuerUri(String realm) {
        return baseUrl + "/realms/" + realm;
    }

    public String tokenUri(String realm) {
        return issuerUri(realm) + "/protocol/openid-connect/token";
    }

    /** The Spring properties that make a service trust one of its realms: the same keys as docker-compose sets. */
    public Map<String, Object> springProperties(String realm) {
        return Map.of("spring.security.oauth2.resourceserver.jwt.issuer-uri", issuerUri(realm),
                "spring.security.oauth2.resourceserver.jwt.jwk-set-uri",
                issuerUri(realm) + "/protocol/openid-connect/certs");
    }

    /** Its admin REST API's base, {@code …/admin/realms}. */
    public String adminUri() {
        return baseUrl + "/admin/realms";
    }

    public String adminPassword() {
        return adminPassword;
    }

    /**
     * Waits until the first realm answers its discovery document. Services may start before: they fetch the
     * realm's keys with the first token they check.
     */
    public void awaitReady() {
        String realm = firstRealm;
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest discovery = HttpRequest.newBuilder(URI.create(issuerUri(realm) + "/.well-known/openid-configuration"))
                .timeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + START_PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak stopped while starting:\n" + tail());
            }
            try {
                if (http.send(discovery, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                close();
                throw new IllegalStateException("interrupted while Keycloak was starting", e);
            }
            try {
                process.waitFor(500, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        close();
        throw new IllegalStateException("Keycloak did not serve realm " + realm + " within " + START_PATIENCE
                + ":\n" + tail());
    }

    private String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log at " + log + ")";
        }
    }

    /** Stops Keycloak: {@code kc.sh} passes the signal on to its JVM, which shuts down in a few seconds. */
    @Override
    public void close() {
        List<ProcessHandle> descendants = new ArrayList<>(process.descendants().toList());
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        descendants.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    private static Path javaHome() {
        return Path.of(System.getProperty("java.home"));
    }

    private static void clear(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
    }
}
