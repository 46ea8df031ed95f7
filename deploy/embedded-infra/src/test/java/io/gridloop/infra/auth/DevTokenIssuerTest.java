package io.gridloop.infra.auth;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The development issuer answers like Keycloak on the realm export's users and clients. */
class DevTokenIssuerTest {

    private static DevTokenIssuer issuer;
    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    @BeforeAll
    static void start() {
        issuer = DevTokenIssuer.start(0, DevRealm.standard());
    }

    @AfterAll
    static void stop() {
        issuer.close();
    }

    private HttpResponse<String> token(String form) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(issuer.tokenUri()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode claims(HttpResponse<String> answer) {
        String token = json.readTree(answer.body()).get("access_token").asString();
        return json.readTree(new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8));
    }

    @Test
    void shouldSignARealmUserInWithTheirRolesAreasAndUnit() throws Exception {
        HttpResponse<String> answer = token(
                "grant_type=password&client_id=gridloop-app&username=handler-saihan-water&password=gridloop");

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Cache-Control")).hasValue("no-store");
        JsonNode claims = claims(answer);
        assertThat(claims.get("iss").asString()).isEqualTo(issuer.issuerUri());
        assertThat(claims.get("preferred_username").asString()).isEqualTo("handler-saihan-water");
        assertThat(claims.get("name").asString()).isEqualTo("赛罕区水务局");
        assertThat(claims.get("realm_access").get("roles").valueStream().map(JsonNode::asString).toList())
                .containsExactly("HANDLER");
        assertThat(claims.get("area").valueStream().map(JsonNode::asString).toList()).containsExactly("150105");
        assertThat(claims.get("unit").asString()).isEqualTo("150105-WATER");
        assertThat(claims.get("azp").asString()).isEqualTo("gridloop-app");
        assertThat(claims.get("exp").asLong() - claims.get("iat").asLong())
                .isEqualTo(DevTokenIssuer.TOKEN_LIFETIME.toSeconds());
    }

    private static final String VERIFIER = "a-verifier-of-at-least-forty-three-characters-0123456789";
    private static final String REDIRECT = "http://localhost:41234/workbench/";

    private static String challenge(String verifier) throws Exception {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(java.security.MessageDigest
                .getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
    }

    private static String enc(String value) {
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private String authorizeQuery(String redirect) throws Exception {
        return "response_type=code&client_id=gridloop-web&scope=openid&state=s-1&nonce=n-1&redirect_uri="
                + enc(redirect) + "&code_challenge=" + challenge(VERIFIER) + "&code_challenge_method=S256";
    }

    /** Posts the login form as the page would, answering with the redirect it sends the browser to. */
    private HttpResponse<String> logIn(String username, String password) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(issuer.authorizationUri() + "?" + authorizeQuery(REDIRECT)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + enc(username) + "&password=" + enc(password)))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void shouldSignAPersonInThroughTheLoginPageWithPkceRenewTheirTokensAndSignThemOut() throws Exception {
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(
                URI.create(issuer.authorizationUri() + "?" + authorizeQuery(REDIRECT))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("用户名", "密码", "name=\"code_challenge\"");

        assertThat(logIn("operator-saihan", "wrong").body()).contains("用户名或密码错误");
        HttpResponse<String> redirected = logIn("operator-saihan", "gridloop");
        assertThat(redirected.statusCode()).isEqualTo(302);
        URI back = URI.create(redirected.headers().firstValue("Location").orElseThrow());
        assertThat(back.toString()).startsWith(REDIRECT + "?code=").endsWith("&state=s-1");
        String code = back.getQuery().replaceAll(".*code=([^&]+).*", "$1");

        // The code needs the verifier of its challenge, and works once.
        assertThat(token("grant_type=authorization_code&client_id=gridloop-web&code=" + code + "&redirect_uri="
                + enc(REDIRECT) + "&code_verifier=" + "x".repeat(43)).statusCode()).isEqualTo(400);
        redirected = logIn("operator-saihan", "gridloop");
        code = URI.create(redirected.headers().firstValue("Location").orElseThrow()).getQuery()
                .replaceAll(".*code=([^&]+).*", "$1");
        String redeem = "grant_type=authorization_code&client_id=gridloop-web&code=" + code + "&redirect_uri="
                + enc(REDIRECT) + "&code_verifier=" + VERIFIER;
        HttpResponse<String> tokens = token(redeem);
        assertThat(tokens.statusCode()).isEqualTo(200);
        assertThat(token(redeem).statusCode()).isEqualTo(400);
        JsonNode answer = json.readTree(tokens.body());
        assertThat(claims(tokens).get("preferred_username").asString()).isEqualTo("operator-saihan");
        assertThat(claims(tokens).get("aud").valueStream().map(JsonNode::asString).toList())
                .contains("dispatch-service", "intake-service", "stats-service", "hotline-bridge");
        JsonNode id = json.readTree(new String(Base64.getUrlDecoder().decode(
                answer.get("id_token").asString().split("\\.")[1]), StandardCharsets.UTF_8));
        assertThat(id.get("nonce").asString()).isEqualTo("n-1");
        assertThat(id.get("aud").asString()).isEqualTo("gridloop-web");

        // A refresh token renews the session once; the next renewal needs the new one.
        String refresh = answer.get("refresh_token").asString();
        HttpResponse<String> renewed = token("grant_type=refresh_token&client_id=gridloop-web&refresh_token=" + refresh);
        assertThat(renewed.statusCode()).isEqualTo(200);
        assertThat(claims(renewed).get("preferred_username").asString()).isEqualTo("operator-saihan");
        assertThat(token("grant_type=refresh_token&client_id=gridloop-web&refresh_token=" + refresh).statusCode())
                .isEqualTo(400);
        String next = json.readTree(renewed.body()).get("refresh_token").asString();

        // Signing out ends the session and goes back where the page asked.
        HttpResponse<String> out = http.send(HttpRequest.newBuilder(URI.create(issuer.logoutUri()
                + "?id_token_hint=" + answer.get("id_token").asString() + "&post_logout_redirect_uri="
                + enc(REDIRECT))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(out.statusCode()).isEqualTo(302);
        assertThat(out.headers().firstValue("Location")).hasValue(REDIRECT);
        assertThat(token("grant_type=refresh_token&client_id=gridloop-web&refresh_token=" + next).statusCode())
                .isEqualTo(400);
    }

    @Test
    void shouldRefuseALoginForAnUnregisteredAddressOrWithoutPkce() throws Exception {
        HttpResponse<String> elsewhere = http.send(HttpRequest.newBuilder(URI.create(issuer.authorizationUri() + "?"
                + authorizeQuery("https://evil.example.com/"))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(elsewhere.statusCode()).isEqualTo(400);
        assertThat(elsewhere.body()).contains("回调地址");
        HttpResponse<String> noPkce = http.send(HttpRequest.newBuilder(URI.create(issuer.authorizationUri()
                + "?response_type=code&client_id=gridloop-web&redirect_uri=" + enc(REDIRECT))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(noPkce.statusCode()).isEqualTo(400);
        assertThat(noPkce.body()).contains("PKCE");
        // The web client has no password grant: its pages sign in through the login page only.
        assertThat(token("grant_type=password&client_id=gridloop-web&username=admin&password=gridloop").statusCode())
                .isEqualTo(401);
    }

    @Test
    void shouldRefuseAWrongPasswordAnUnknownClientAndAClientWithoutThePasswordGrant() throws Exception {
        HttpResponse<String> wrong = token("grant_type=password&client_id=gridloop-app&username=admin&password=x");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(json.readTree(wrong.body()).get("error").asString()).isEqualTo("invalid_grant");
        assertThat(token("grant_type=password&client_id=nobody&username=admin&password=gridloop").statusCode())
                .isEqualTo(401);
        assertThat(token("grant_type=password&client_id=prometheus&client_secret=prometheus-secret&username=admin"
                + "&password=gridloop").statusCode()).isEqualTo(401);
        assertThat(token("grant_type=authorization_code&client_id=gridloop-app").statusCode()).isEqualTo(400);
    }

    @Test
    void shouldSignAMachineClientInAsItsServiceAccountWithItsSecretOnly() throws Exception {
        HttpResponse<String> answer = token("grant_type=client_credentials&client_id=demo-feeder"
                + "&client_secret=demo-feeder-secret");
        assertThat(answer.statusCode()).isEqualTo(200);
        JsonNode claims = claims(answer);
        assertThat(claims.get("preferred_username").asString()).isEqualTo("service-account-demo-feeder");
        assertThat(claims.get("realm_access").get("roles").valueStream().map(JsonNode::asString).toList())
                .containsExactlyInAnyOrder("REPORTER_APP", "OPERATOR");

        assertThat(token("grant_type=client_credentials&client_id=demo-feeder&client_secret=guess").statusCode())
                .isEqualTo(401);
        assertThat(token("grant_type=client_credentials&client_id=gridloop-app").statusCode())
                .as("a public client has no service account").isEqualTo(401);
        // HTTP Basic, as Prometheus and most OAuth2 clients send it.
        HttpResponse<String> basic = http.send(HttpRequest.newBuilder(URI.create(issuer.tokenUri()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        "prometheus:prometheus-secret".getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(basic.statusCode()).isEqualTo(200);
        assertThat(new ClientCredentials(issuer.tokenUri(), "bench", "bench-secret").authorization())
                .startsWith("Bearer ey");
    }

    @Test
    void shouldPublishItsKeysAndDiscoveryDocumentAndAllowTheDashboardsOrigin() throws Exception {
        JsonNode jwks = json.readTree(http.send(HttpRequest.newBuilder(URI.create(issuer.jwksUri())).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        JsonNode key = jwks.get("keys").get(0);
        assertThat(key.get("kty").asString()).isEqualTo("RSA");
        assertThat(key.get("alg").asString()).isEqualTo("RS256");
        assertThat(Base64.getUrlDecoder().decode(key.get("n").asString())).hasSize(256);

        JsonNode discovery = json.readTree(http.send(HttpRequest.newBuilder(URI.create(issuer.issuerUri()
                + "/.well-known/openid-configuration")).build(), HttpResponse.BodyHandlers.ofString()).body());
        assertThat(discovery.get("issuer").asString()).isEqualTo(issuer.issuerUri());
        assertThat(discovery.get("jwks_uri").asString()).isEqualTo(issuer.jwksUri());
        assertThat(discovery.get("token_endpoint").asString()).isEqualTo(issuer.tokenUri());

        HttpResponse<Void> preflight = http.send(HttpRequest.newBuilder(URI.create(issuer.tokenUri()))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).header("Origin", "http://localhost:8080")
                .build(), HttpResponse.BodyHandlers.discarding());
        assertThat(preflight.statusCode()).isEqualTo(204);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).hasValue("http://localhost:8080");

        // A page of any other origin is not allowed to read the answers (its browser withholds them).
        HttpResponse<Void> foreign = http.send(HttpRequest.newBuilder(URI.create(issuer.tokenUri()))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).header("Origin", "https://evil.example")
                .build(), HttpResponse.BodyHandlers.discarding());
        assertThat(foreign.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void shouldHoldADemoUserForEveryPersonsRoleEachWithAreasAndHandlersWithAUnit() {
        DevRealm realm = DevRealm.standard();
        Set<String> roles = new java.util.HashSet<>();
        for (DevRealm.User user : realm.users()) {
            roles.addAll(user.identity().roles());
            assertThat(user.identity().areas()).as(user.username()).isNotEmpty();
            assertThat(user.password()).as(user.username()).isNotBlank();
            if (user.identity().roles().contains("HANDLER")) {
                assertThat(user.identity().unit()).as(user.username()).isNotBlank();
            }
        }
        assertThat(roles).contains("GRID_WORKER", "HANDLER", "OPERATOR", "SUPERVISOR", "ADMIN");
        assertThat(realm.client("gridloop-web").orElseThrow().publicClient()).isTrue();
        assertThat(realm.clients()).filteredOn(c -> !c.publicClient())
                .allSatisfy(c -> assertThat(c.serviceAccount()).as(c.clientId()).isNotNull());
    }
}
