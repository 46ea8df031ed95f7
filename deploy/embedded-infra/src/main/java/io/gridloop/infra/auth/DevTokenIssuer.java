package io.gridloop.infra.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.apache.hc.core5.net.WWWFormCodec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;

/**
 * A development OpenID Connect token issuer for the local stack and the tests, standing in for Keycloak with the
 * same paths under {@code /realms/gridloop}: discovery, JWKS ({@code …/protocol/openid-connect/certs}), a login
 * page ({@code …/auth}: the authorization-code flow with PKCE for the realm's browser clients), the token endpoint
 * ({@code …/token}: {@code authorization_code}, {@code refresh_token}, {@code password} for the realm's users
 * through a public client that allows it, {@code client_credentials} for confidential clients' service accounts)
 * and sign-out ({@code …/logout}). Tokens are RS256 JWTs with Keycloak's claim names. Keys, codes and sessions
 * live in memory, so nothing survives a restart.
 *
 * <p>Not for production: no consent, no brute-force protection, no session cookie (every sign-in asks for the
 * password).
 */
public final class DevTokenIssuer implements AutoCloseable {

    public static final Duration TOKEN_LIFETIME = Duration.ofMinutes(30);
    private static final java.util.regex.Pattern LOOPBACK_ORIGIN =
            java.util.regex.Pattern.compile("http://(localhost|127\\.0\\.0\\.1|\\[::1\\])(:\\d{1,5})?");
    private static final Logger log = LoggerFactory.getLogger(DevTokenIssuer.class);

    private final DevRealm realm;
    /** The realm's signing key, with a fresh id each start (Nimbus: signing and the JWKS document). */
    private final RSAKey key;
    private final JsonMapper json = JsonMapper.builder().build();
    private final Clock clock;
    private final HttpServer server;
    private final String issuer;
    private final Duration tokenLifetime;
    private final BrowserSessions sessions;

    private DevTokenIssuer(DevRealm realm, HttpServer server, String issuer, Clock clock, Duration tokenLifetime) {
        this.realm = realm;
        this.key = newKey();
        this.clock = clock;
        this.server = server;
        this.issuer = issuer;
        this.tokenLifetime = tokenLifetime;
        this.sessions = new BrowserSessions(clock);
    }

    /** Serves the realm on {@code localhost:port} (0: any free port). */
    public static DevTokenIssuer start(int port, DevRealm realm) {
        return start(port, realm, TOKEN_LIFETIME);
    }

    /**
     * Serves the realm with access tokens that live {@code tokenLifetime}: a browser test shortens it to see its
     * pages renew them.
     */
    public static DevTokenIssuer start(int port, DevRealm realm, Duration tokenLifetime) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("localhost", port), 0);
            DevTokenIssuer issuer = new DevTokenIssuer(realm, server,
                    "http://localhost:" + server.getAddress().getPort() + "/realms/" + realm.name(), Clock.systemUTC(),
                    tokenLifetime);
            String base = "/realms/" + realm.name();
            server.createContext(base + "/.well-known/openid-configuration", issuer::discovery);
            server.createContext(base + "/protocol/openid-connect/certs", issuer::jwks);
            server.createContext(base + "/protocol/openid-connect/token", issuer::token);
            server.createContext(base + "/protocol/openid-connect/auth", issuer::login);
            server.createContext(base + "/protocol/openid-connect/logout", issuer::logout);
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
        return new DevTokenIssuer(impersonated.realm, null, impersonated.issuer, impersonated.clock,
                impersonated.tokenLifetime);
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

    /** The login page: where a browser client sends a person to sign in. */
    public String authorizationUri() {
        return issuerUri() + "/protocol/openid-connect/auth";
    }

    public String logoutUri() {
        return issuerUri() + "/protocol/openid-connect/logout";
    }

    public Duration tokenLifetime() {
        return tokenLifetime;
    }

    public DevRealm realm() {
        return realm;
    }

    /** The Spring properties that make a service trust this issuer: the same keys as docker-compose sets. */
    public Map<String, Object> springProperties() {
        return Map.of("spring.security.oauth2.resourceserver.jwt.issuer-uri", issuerUri(),
                "spring.security.oauth2.resourceserver.jwt.jwk-set-uri", jwksUri());
    }

    /** A token for {@code who}, valid from now for the issuer's token lifetime. */
    public String mint(Identity who) {
        Instant now = clock.instant();
        return mint(who, now, now.plus(tokenLifetime));
    }

    /** A token valid from {@code issuedAt} until {@code expiresAt}: tests make expired ones with it. */
    public String mint(Identity who, Instant issuedAt, Instant expiresAt) {
        return mint(who, issuedAt, expiresAt, realm.client(who.client()).map(DevRealm.Client::audiences)
                .orElse(DevRealm.ALL_AUDIENCES));
    }

    /** A token for {@code audiences} only, as an application set up for other services would hold one. */
    public String mintFor(Identity who, List<String> audiences) {
        Instant now = clock.instant();
        return mint(who, now, now.plus(tokenLifetime), audiences);
    }

    private String mint(Identity who, Instant issuedAt, Instant expiresAt, List<String> audiences) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", issuerUri());
        claims.put("sub", UUID.nameUUIDFromBytes(who.username().getBytes(StandardCharsets.UTF_8)).toString());
        claims.put("typ", "Bearer");
        claims.put("azp", who.client());
        claims.put("aud", audiences);
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
        return sign(claims);
    }

    /** The ID token of a sign-in: who signed in, for the client, with the nonce the client sent. */
    private String idToken(Identity who, String nonce) {
        Instant now = clock.instant();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", issuerUri());
        claims.put("sub", UUID.nameUUIDFromBytes(who.username().getBytes(StandardCharsets.UTF_8)).toString());
        claims.put("typ", "ID");
        claims.put("aud", who.client());
        claims.put("azp", who.client());
        claims.put("iat", now.getEpochSecond());
        claims.put("exp", now.plus(tokenLifetime).getEpochSecond());
        claims.put("preferred_username", who.username());
        claims.put("name", who.name());
        if (nonce != null) {
            claims.put("nonce", nonce);
        }
        return sign(claims);
    }

    private String sign(Map<String, Object> claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT)
                    .keyID(key.getKeyID()).build(), JWTClaimsSet.parse(claims));
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException | ParseException e) {
            throw new IllegalStateException("cannot sign " + claims.keySet(), e);
        }
    }

    private void discovery(HttpExchange exchange) throws IOException {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("issuer", issuerUri());
        document.put("jwks_uri", jwksUri());
        document.put("token_endpoint", tokenUri());
        document.put("authorization_endpoint", authorizationUri());
        document.put("end_session_endpoint", logoutUri());
        document.put("grant_types_supported", java.util.List.of("authorization_code", "refresh_token", "password",
                "client_credentials"));
        document.put("code_challenge_methods_supported", java.util.List.of("S256"));
        document.put("id_token_signing_alg_values_supported", java.util.List.of("RS256"));
        document.put("subject_types_supported", java.util.List.of("public"));
        document.put("response_types_supported", java.util.List.of("code"));
        document.put("response_modes_supported", java.util.List.of("query"));
        document.put("scopes_supported", java.util.List.of("openid", "profile"));
        answer(exchange, 200, document);
    }

    private void jwks(HttpExchange exchange) throws IOException {
        answer(exchange, 200, new JWKSet(key.toPublicJWK()).toJSONObject());
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
            case "authorization_code" -> authorizationCode(exchange, client.get(), form);
            case "refresh_token" -> refresh(exchange, client.get(), form);
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
                "expires_in", tokenLifetime.toSeconds(), "scope", "openid profile"));
    }

    /** The login page (GET) and its form (POST): a person's password for a code the client redeems. */
    private void login(HttpExchange exchange) throws IOException {
        Map<String, String> params = form(exchange.getRequestURI().getRawQuery());
        if (exchange.getRequestMethod().equals("POST")) {
            params.putAll(form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
        }
        Optional<DevRealm.Client> client = realm.client(params.getOrDefault("client_id", ""))
                .filter(DevRealm.Client::standardFlow);
        String redirect = params.get("redirect_uri");
        if (client.isEmpty() || !client.get().mayRedirectTo(redirect)) {
            // Never send a person to an address the client did not register.
            LoginPage.refuse(exchange, "无效的登录请求：未知的应用或回调地址");
            return;
        }
        String challenge = params.get("code_challenge");
        if (!"code".equals(params.get("response_type"))
                || (client.get().pkceMethod() != null && (challenge == null
                || !client.get().pkceMethod().equals(params.get("code_challenge_method"))))) {
            LoginPage.refuse(exchange, "无效的登录请求：须使用授权码模式及 PKCE（S256）");
            return;
        }
        if (exchange.getRequestMethod().equals("GET")) {
            LoginPage.show(exchange, params, null);
            return;
        }
        Optional<DevRealm.User> user = realm.user(params.getOrDefault("username", "").strip())
                .filter(u -> u.password() != null && u.password().equals(params.get("password")));
        if (user.isEmpty()) {
            LoginPage.show(exchange, params, "用户名或密码错误");
            return;
        }
        String code = sessions.codeFor(user.get().identity().through(client.get().clientId()), redirect, challenge,
                params.get("nonce"));
        String back = redirect + (redirect.contains("?") ? "&" : "?") + "code=" + code
                + (params.get("state") == null ? "" : "&state=" + urlEncode(params.get("state")));
        exchange.getResponseHeaders().add("Location", back);
        exchange.getResponseHeaders().add("Cache-Control", "no-store");
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
    }

    private void authorizationCode(HttpExchange exchange, DevRealm.Client client, Map<String, String> form)
            throws IOException {
        Optional<BrowserSessions.Grant> grant = sessions.redeem(form.get("code"), client.clientId(),
                form.get("redirect_uri"), form.get("code_verifier"));
        if (grant.isEmpty()) {
            answer(exchange, 400, error("invalid_grant", "Code not valid"));
            return;
        }
        signedIn(exchange, grant.get().who(), grant.get().nonce(), sessions.open(grant.get().who()));
    }

    private void refresh(HttpExchange exchange, DevRealm.Client client, Map<String, String> form)
            throws IOException {
        Optional<BrowserSessions.Renewal> renewal = sessions.renew(form.get("refresh_token"), client.clientId());
        if (renewal.isEmpty()) {
            answer(exchange, 400, error("invalid_grant", "Session not active"));
            return;
        }
        signedIn(exchange, renewal.get().who(), null, renewal.get().refreshToken());
    }

    private void signedIn(HttpExchange exchange, Identity who, String nonce, String refreshToken)
            throws IOException {
        log.info("Signed in {} ({}) for {}", who.username(), String.join(",", who.roles()), who.client());
        answer(exchange, 200, Map.of("access_token", mint(who), "token_type", "Bearer",
                "expires_in", tokenLifetime.toSeconds(), "refresh_token", refreshToken,
                "refresh_expires_in", BrowserSessions.SESSION_IDLE.toSeconds(),
                "id_token", idToken(who, nonce), "scope", "openid profile"));
    }

    /** Sign-out: ends the session of the ID token named and goes back where the page asked, if allowed. */
    private void logout(HttpExchange exchange) throws IOException {
        Map<String, String> params = form(exchange.getRequestURI().getRawQuery());
        if (exchange.getRequestMethod().equals("POST")) {
            params.putAll(form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
        }
        String hint = params.get("id_token_hint");
        String clientId = params.getOrDefault("client_id", hint == null ? "" : claim(hint, "azp"));
        if (hint != null) {
            sessions.end(claim(hint, "preferred_username"), clientId);
        }
        String back = params.get("post_logout_redirect_uri");
        if (back != null && realm.client(clientId).filter(c -> c.mayRedirectTo(back)).isPresent()) {
            exchange.getResponseHeaders().add("Location", back
                    + (params.get("state") == null ? "" : (back.contains("?") ? "&" : "?") + "state="
                    + urlEncode(params.get("state"))));
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
            return;
        }
        LoginPage.signedOut(exchange);
    }

    /** A claim of a token this issuer signed (sign-out only ends sessions; a forged hint ends nothing of value). */
    private String claim(String token, String name) {
        try {
            Object value = SignedJWT.parse(token).getJWTClaimsSet().getClaim(name);
            return value == null ? "" : value.toString();
        } catch (ParseException | RuntimeException unreadable) {
            return "";
        }
    }

    private static String urlEncode(String value) {
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
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
        if (body == null) {
            return values;
        }
        WWWFormCodec.parse(body, StandardCharsets.UTF_8).stream().filter(p -> p.getValue() != null)
                .forEach(p -> values.put(p.getName(), p.getValue()));
        return values;
    }

    /**
     * Answers with JSON. The dashboard signs in from another origin of this machine, so pages served on loopback
     * may read the answers; a page of any other origin may not (its browser refuses it the answer). Keycloak is
     * stricter: it answers only the client's web origins, for the demo realm the workbench on port 8080 — tests
     * serve pages on free ports, so this issuer answers any loopback port (KeycloakRealmTest uses 8080).
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

    private static RSAKey newKey() {
        try {
            return new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256).generate();
        } catch (JOSEException e) {
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
