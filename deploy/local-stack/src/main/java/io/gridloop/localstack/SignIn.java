package io.gridloop.localstack;

import io.gridloop.infra.auth.DevRealm;
import io.gridloop.infra.auth.DevTokenIssuer;
import io.gridloop.infra.auth.KeycloakServer;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Where the local stack's people and machines sign in: the demo realm ({@code deploy/keycloak/demo-realm.json}),
 * served by the development issuer (the default: starts at once) or by a real Keycloak ({@code run.sh
 * --keycloak}). Both issue the same claims (KeycloakRealmTest); the services only see the issuer's address.
 */
interface SignIn extends AutoCloseable {

    /** The realm as tokens name it. */
    String issuerUri();

    default String tokenUri() {
        return issuerUri() + "/protocol/openid-connect/token";
    }

    /** The properties that make the services trust this realm. */
    Map<String, Object> springProperties();

    /** A token of the demo realm's administrator, for the demo's set-up calls. */
    String adminToken();

    @Override
    void close();

    static SignIn development(int port) {
        DevTokenIssuer issuer = DevTokenIssuer.start(port, DevRealm.standard());
        return new SignIn() {
            @Override
            public String issuerUri() {
                return issuer.issuerUri();
            }

            @Override
            public Map<String, Object> springProperties() {
                return issuer.springProperties();
            }

            @Override
            public String adminToken() {
                return issuer.mint(issuer.realm().user("admin").orElseThrow().identity());
            }

            @Override
            public void close() {
                issuer.close();
            }
        };
    }

    /**
     * Keycloak from the distribution the build unpacked under {@code distributions} (the one {@code keycloak-*}
     * directory there), with the demo realm imported; its master realm's administrator gets a password made now.
     */
    static SignIn keycloak(Path distributions, int port) {
        Path home;
        try (Stream<Path> found = Files.list(distributions)) {
            home = found.filter(dir -> dir.getFileName().toString().startsWith("keycloak-")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no Keycloak distribution under " + distributions));
        } catch (IOException e) {
            throw new UncheckedIOException("no Keycloak distribution under " + distributions, e);
        }
        DevRealm demo = DevRealm.standard();
        KeycloakServer keycloak = KeycloakServer.start(home, port,
                Map.of(demo.name(), DevRealm.export()), UUID.randomUUID().toString());
        return new SignIn() {
            @Override
            public String issuerUri() {
                return keycloak.issuerUri(demo.name());
            }

            @Override
            public Map<String, Object> springProperties() {
                return keycloak.springProperties(demo.name());
            }

            @Override
            public String adminToken() {
                DevRealm.User admin = demo.user("admin").orElseThrow();
                return passwordGrant(tokenUri(), admin.username(), admin.password());
            }

            @Override
            public void close() {
                keycloak.close();
            }
        };
    }

    /** A person's token from the realm's token endpoint, as the app client {@code gridloop-app} asks for it. */
    private static String passwordGrant(String tokenUri, String username, String password) {
        String form = "grant_type=password&client_id=gridloop-app&username="
                + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8);
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(tokenUri))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new IllegalStateException(tokenUri + " refused " + username + ": " + answer.body());
            }
            return JsonMapper.builder().build().readTree(answer.body()).path("access_token").asString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
