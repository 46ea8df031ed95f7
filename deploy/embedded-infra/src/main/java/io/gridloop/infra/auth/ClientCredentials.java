package io.gridloop.infra.auth;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

/**
 * A machine client's bearer token (OAuth2 client credentials), fetched from the realm's token endpoint and
 * fetched again a minute before it expires. For the demo feeder and the benchmark, which call the APIs as
 * machines do; works against the development issuer and Keycloak alike.
 */
public final class ClientCredentials {

    private static final Duration MARGIN = Duration.ofMinutes(1);

    private final URI tokenUri;
    private final String clientId;
    private final String secret;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final JsonMapper json = JsonMapper.builder().build();
    private String token;
    private Instant renewAt = Instant.MIN;

    public ClientCredentials(String tokenUri, String clientId, String secret) {
        this.tokenUri = URI.create(tokenUri);
        this.clientId = clientId;
        this.secret = secret;
    }

    /** {@code Bearer <token>}, for an {@code Authorization} header. */
    public synchronized String authorization() {
        if (token == null || Instant.now().isAfter(renewAt)) {
            fetch();
        }
        return "Bearer " + token;
    }

    private void fetch() {
        String form = "grant_type=client_credentials&client_id=" + encode(clientId) + "&client_secret="
                + encode(secret);
        try {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(tokenUri).timeout(Duration.ofSeconds(10))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new IllegalStateException("token endpoint " + tokenUri + " refused client " + clientId + ": "
                        + answer.statusCode() + " " + answer.body());
            }
            JsonNode body = json.readTree(answer.body());
            token = body.path("access_token").asString();
            renewAt = Instant.now().plusSeconds(body.path("expires_in").asLong(300)).minus(MARGIN);
        } catch (IOException e) {
            throw new UncheckedIOException("token endpoint " + tokenUri + " unreachable", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
