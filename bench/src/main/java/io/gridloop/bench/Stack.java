package io.gridloop.bench;

import io.gridloop.infra.auth.ClientCredentials;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Where the local stack's services listen, the stack's process for CPU and memory, and the bench's sign-in: the
 * realm's {@code bench} client (client credentials; a reporting channel, dispatch centre, supervisor and
 * metrics scraper for everywhere) at the local stack's development issuer.
 */
record Stack(String host, long pid, ClientCredentials credentials) {

    static final int ISSUER = 8090;

    Stack(String host, long pid) {
        this(host, pid, new ClientCredentials("http://" + host + ":" + ISSUER
                + "/realms/gridloop/protocol/openid-connect/token", "bench", "bench-secret"));
    }

    /** {@code Bearer …} for every call the bench makes. */
    String authorization() {
        return credentials.authorization();
    }

    static final int METRICS = 8080;
    static final int INTAKE = 8081;
    static final int DISPATCH = 8082;
    static final int STATS = 8084;
    static final int[] ALL = {8080, 8081, 8082, 8083, 8084};

    String url(int port, String path) {
        return "http://" + host + ":" + port + path;
    }

    String kafka() {
        return host + ":9092";
    }

    String mongo() {
        return "mongodb://" + host + ":27017";
    }

    ProcStats usage() {
        return pid > 0 ? ProcStats.of(pid) : new ProcStats(0, 0);
    }

    /** Waits until every service answers its readiness probe. */
    void awaitReady(Duration patience) throws InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + patience.toNanos();
        for (int port : ALL) {
            while (true) {
                try {
                    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url(port,
                            "/actuator/health/readiness"))).timeout(Duration.ofSeconds(2)).build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() == 200) {
                        break;
                    }
                } catch (java.io.IOException e) {
                    // not up yet
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("service on port " + port + " did not become ready");
                }
                Thread.sleep(500); // polling a process we do not control: it says nothing when it is ready
            }
        }
    }
}
