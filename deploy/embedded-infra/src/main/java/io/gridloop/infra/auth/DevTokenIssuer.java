package io.gridloop.infra.auth;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;

/**
 * A development OpenID Connect token issuer for the local stack and the tests, standing in for Keycloak with the
 * same paths under {@code /realms/gridloop}: discovery, JWKS ({@code …/protocol/openid-connect/certs}) and the
 * token endpoint ({@code …/token}: {@code password} for the realm's users through a public client,
 * {@code client_credentials} for confidential clients' service accounts). Tokens are RS256 JWTs with Keycloak's
 * claim names. The key pair is made at start, so tokens do not survive a restart.
 *
 * <p>Not for production: no refresh tokens, no consent, no login page, no brute-force protection.
 */
public final class DevTokenIssuer implements AutoCloseable {

    public static final Duration TOKEN_LIFETIME = Duration.ofMinutes(30);
    private static final java.util.regex.Pattern LOOPBACK_ORIGIN =
            java.util.regex.Pattern.compile("http://(localhost|127\\.0\\.0\\.1|\\[::1\\])(:\\d{1,5})?");
    private static final Logger log = LoggerFactory.getLogger(DevTokenIssuer.class);
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final DevRealm realm;
    private final KeyPair keys;
    private final String keyId = UUID.randomUUID().toString();
    private final JsonMapper json = JsonMapper.builder().build();
    private final Clock clock;
    private final HttpServer server;
    private final String issuer;

    private DevTokenIssuer(DevRealm realm, HttpServer server, String issuer, Clock clock) {
        this.realm = realm;
        this.keys = newKeyPair();
        this.clock = clock;
        this.server = server;
        this.issuer = issuer;
    }

    /** Serves the realm on {@code localhost:port} (0: any free port). */
    public static DevTokenIssuer start(int port, DevRealm realm) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("localhost", port), 0);
            DevTokenIssuer issuer = new DevTokenIssuer(realm, server,
                    "http://localhost:" + server.getAddress().getPort() + "/realms/" + realm.name(), Clock.systemUTC());
            String base = "/realms/" + realm.name();
            server.createContext(base + "/.well-known/openid-configuration", issuer::discovery);
            server.createContext(base + "/protocol/openid-connect/certs", issuer::jwks);
            server.createContext(base + "/protocol/openid-connect/token", issuer::token);
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.start();
            return issuer;
        } catch (IOException e) {
            throw new UncheckedIOException("the development token issuer could not listen on port " + port, e);
        }
    }

    /**
     * An issuer with its own key that serves nothing, claiming the same issuer URI as {@code impersonated}: what
     * a forger would have. Its tokens must be refused.
     */
    public static DevTokenIssuer forgerOf(DevTokenIssuer impersonated) {
        return new DevTokenIssuer(impersonated.realm, null, impersonated.issuer, impersonated.clock);
    }

    public String issuerUri() {
        return issuer;
    }

    public String jwksUri() {
        return issuerUri() + "/protocol/openid-connect/certs";
    }

    public String tokenUri() {
        return issuerUri() + "/protocol/openid-connect/token";
    }

    public DevRealm realm() {
        return realm;
    }

    /** The Spring properties that make a service trust this issuer: the same keys as docker-compose sets. */
    public Map<String, Object> springProperties() {
        return Map.of("spring.security.oauth2.resourceserver.jwt.issuer-uri", issuerUri(),
                "spring.security.oauth2.resourceserver.jwt.jwk-set-uri", jwksUri());
    }

    /** A token for {@code who}, valid from now for {@link #TOKEN_LIFETIME}. */
    public String mint(Identity who) {
        Instant now = clock.instant();
        return mint(who, now, now.plus(TOKEN_LIFETIME));
    }

    /** A token valid from {@code issuedAt} until {@code expiresAt}: tests make expired ones with it. */
    public String mint(Identity who, Instant issuedAt, Instant expiresAt) {
        Map<String, Object> header = Map.of("alg", "RS256", "typ", "JWT", "kid", keyId);
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", issuerUri());
        claims.put("sub", UUID.nameUUIDFromBytes(who.username().getBytes(StandardCharsets.UTF_8)).toString());
        claims.put("typ", "Bearer");
        claims.put("azp", who.client());
        claims.put("aud", realm.client(who.client()).map(DevRealm.Client::audiences)
                .orElse(DevRealm.ALL_AUDIENCES));
        claims.put("iat", issuedAt.getEpochSecond());
        claims.put("exp", expiresAt.getEpochSecond());
        claims.put("jti", UUID.randomUUID().toString());
        claims.put("preferred_username", who.username());
        claims.put("name", who.name());
        claims.put("realm_access", Map.of("roles", who.roles()));
        claims.put("area", who.areas());
        if (who.unit() != null) {
            claims.put("unit", who.unit());
        }
        if (!who.channels().isEmpty()) {
            claims.put("channel", who.channels());
        }
        String signingInput = encode(header) + "." + encode(claims);
        try {
            Signature rs256 = Signature.getInstance("SHA256withRSA");
            rs256.initSign(keys.getPrivate());
            rs256.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + BASE64URL.encodeToString(rs256.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private String encode(Map<String, Object> part) {
        return BASE64URL.encodeToString(json.writeValueAsBytes(part));
    }

    private void discovery(HttpExchange exchange) throws IOException {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("issuer", issuerUri());
        document.put("jwks_uri", jwksUri());
        document.put("token_endpoint", tokenUri());
        document.put("grant_types_supported", java.util.List.of("password", "client_credentials"));
        document.put("id_token_signing_alg_values_supported", java.util.List.of("RS256"));
        document.put("subject_types_supported", java.util.List.of("public"));
        document.put("response_types_supported", java.util.List.of("token"));
        answer(exchange, 200, document);
    }

    private void jwks(HttpExchange exchange) throws IOException {
        RSAPublicKey key = (RSAPublicKey) keys.getPublic();
        answer(exchange, 200, Map.of("keys", java.util.List.of(Map.of("kty", "RSA", "kid", keyId, "use", "sig",
                "alg", "RS256", "n", unsigned(key.getModulus()), "e", unsigned(key.getPublicExponent())))));
    }

    private void token(HttpExchange exchange) throws IOException {
        if (exchange.getRequestMethod().equals("OPTIONS")) {
            answer(exchange, 204, null);
            return;
        }
        if (!exchange.getRequestMethod().equals("POST")) {
            answer(exchange, 405, error("invalid_request", "use POST"));
            return;
        }
        Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        basicAuth(exchange).ifPresent(form::putAll);
        Optional<DevRealm.Client> client = realm.client(form.getOrDefault("client_id", ""));
        if (client.isEmpty()) {
            answer(exchange, 401, error("invalid_client", "unknown client"));
            return;
        }
        String grant = form.getOrDefault("grant_type", "");
        switch (grant) {
            case "password" -> password(exchange, client.get(), form);
            case "client_credentials" -> clientCredentials(exchange, client.get(), form);
            default -> answer(exchange, 400, error("unsupported_grant_type", grant));
        }
    }

    private void password(HttpExchange exchange, DevRealm.Client client, Map<String, String> form) throws IOException {
        if (!client.directAccessGrants() || (!client.publicClient()
                && !client.secret().equals(form.get("client_secret")))) {
            answer(exchange, 401, error("unauthorized_client", "client may not use the password grant"));
            return;
        }
        Optional<DevRealm.User> user = realm.user(form.getOrDefault("username", ""))
                .filter(u -> u.password() != null && u.password().equals(form.get("password")));
        if (user.isEmpty()) {
            answer(exchange, 401, error("invalid_grant", "Invalid user credentials"));
            return;
        }
        Identity who = user.get().identity();
        issued(exchange, who.through(client.clientId()));
    }

    private void clientCredentials(HttpExchange exchange, DevRealm.Client client, Map<String, String> form)
            throws IOException {
        if (client.publicClient() || client.serviceAccount() == null || client.secret() == null
                || !client.secret().equals(form.get("client_secret"))) {
            answer(exchange, 401, error("unauthorized_client", "Invalid client or Invalid client credentials"));
            return;
        }
        issued(exchange, client.serviceAccount());
    }

    private void issued(HttpExchange exchange, Identity who) throws IOException {
        log.info("Issued a token to {} ({}) for {}", who.username(), String.join(",", who.roles()), who.client());
        answer(exchange, 200, Map.of("access_token", mint(who), "token_type", "Bearer",
                "expires_in", TOKEN_LIFETIME.toSeconds(), "scope", "openid profile"));
    }

    private static Map<String, Object> error(String code, String description) {
        return Map.of("error", code, "error_description", description);
    }

    private static Optional<Map<String, String>> basicAuth(HttpExchange exchange) {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        if (header == null || !header.startsWith("Basic ")) {
            return Optional.empty();
        }
        String pair = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
        int colon = pair.indexOf(':');
        if (colon < 0) {
            return Optional.empty();
        }
        return Optional.of(Map.of("client_id", URLDecoder.decode(pair.substring(0, colon), StandardCharsets.UTF_8),
                "client_secret", URLDecoder.decode(pair.substring(colon + 1), StandardCharsets.UTF_8)));
    }

    private static Map<String, String> form(String body) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                values.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return values;
    }

    /**
     * Answers with JSON. The dashboard signs in from another origin of this machine, so pages served on loopback
     * may read the answers; a page of any other origin may not (its browser refuses it the answer).
     */
    private void answer(HttpExchange exchange, int status, Object body) throws IOException {
        String origin = exchange.getRequestHeaders().getFirst("Origin");
        if (origin != null && LOOPBACK_ORIGIN.matcher(origin).matches()) {
            exchange.getResponseHeaders().add("Access-Control-Allow-Origin", origin);
            exchange.getResponseHeaders().add("Vary", "Origin");
            exchange.getResponseHeaders().add("Access-Control-Allow-Methods", "GET, POST, OPTIONS");
            exchange.getResponseHeaders().add("Access-Control-Allow-Headers", "Content-Type, Authorization");
        }
        exchange.getResponseHeaders().add("Cache-Control", "no-store");
        if (body == null) {
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
            return;
        }
        byte[] bytes = json.writeValueAsBytes(body);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (var out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static String unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = java.util.Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return BASE64URL.encodeToString(bytes);
    }

    private static KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        if (server != null) {
            server.stop(0);
        }
    }
}
