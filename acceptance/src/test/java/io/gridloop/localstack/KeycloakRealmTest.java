package io.gridloop.localstack;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.gridloop.contracts.ServiceNames;
import io.gridloop.infra.EmbeddedInfra;
import io.gridloop.infra.FreePort;
import io.gridloop.infra.ServiceIntegrationTest;
import io.gridloop.infra.auth.DevRealm;
import io.gridloop.infra.auth.KeycloakServer;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.ParseException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The realm exports imported by a real Keycloak (its own distribution from Maven Central, run without Docker), not
 * only read by the development issuer: the demo realm signs people in to the workbench through Keycloak's login
 * page, its tokens carry what gridloop reads — exactly what the development issuer puts in them — and every
 * service serves them by role, area, unit and audience; the production realm imports with its protections live.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KeycloakRealmTest {

    private static final String DEMO = "gridloop";
    /** The production export names the same realm; it is imported beside the demo under another name. */
    private static final String PRODUCTION = "gridloop-production";
    private static final Path REALMS = Path.of("../deploy/keycloak").toAbsolutePath().normalize();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PASSWORD = "gridloop";

    private KeycloakServer keycloak;
    private GridloopStack stack;
    private ChromeDriver browser;
    private final RestClient http = RestClient.create();

    @BeforeAll
    void start() throws IOException {
        Path home = Path.of(System.getProperty("gridloop.keycloak.home"));
        ObjectNode production = (ObjectNode) JSON.readTree(REALMS.resolve("production-realm.json").toFile());
        production.put("realm", PRODUCTION);
        Map<String, byte[]> realms = new LinkedHashMap<>();
        realms.put(DEMO, Files.readAllBytes(REALMS.resolve("demo-realm.json")));
        realms.put(PRODUCTION, JSON.writeValueAsBytes(production));
        // Keycloak starts in its own process while the services start here; they fetch its keys on first use.
        keycloak = KeycloakServer.launch(home, FreePort.next(), realms, UUID.randomUUID().toString());

        Map<String, Object> settings = new LinkedHashMap<>(EmbeddedInfra.shared().springProperties());
        settings.putAll(keycloak.springProperties(DEMO));
        // The workbench where the demo realm's client expects it: Keycloak answers the token endpoint's CORS
        // requests only from the client's web origins (its redirect URIs' origins, http://localhost:8080).
        ServicePorts free = ServicePorts.free();
        stack = GridloopStack.start(EmbeddedInfra.shared().bootstrapServers(), EmbeddedInfra.shared().mongoUri(),
                new ServicePorts(ServicePorts.STANDARD.metrics(), free.intake(), free.dispatch(),
                        free.hotlineBridge(), free.stats()), settings);
        keycloak.awaitReady();
        browser = HeadlessChromium.start(1400, 1000);
    }

    @AfterEach
    void noScriptErrors() {
        HeadlessChromium.assertNoUncaughtErrors(browser);
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (stack != null) {
            stack.close();
        }
        if (keycloak != null) {
            keycloak.close();
        }
    }

    @Test
    void shouldRunTheSameReleaseAsDockerCompose() throws IOException {
        String compose = Files.readString(REALMS.resolve("../../docker-compose.yml"));

        assertThat(compose).contains("image: quay.io/keycloak/keycloak:" + System.getProperty("gridloop.keycloak.version"))
                // Keycloak refuses an import whose file is not named after its realm.
                .contains("demo-realm.json:/opt/keycloak/data/import/" + DEMO + "-realm.json");
    }

    @Test
    void shouldPutInTokensWhatTheDevelopmentIssuerDoesForEveryDemoUserAndMachine() {
        DevRealm demo = DevRealm.standard();
        String devTokens = EmbeddedInfra.shared().tokens().tokenUri();

        for (DevRealm.User user : demo.users()) {
            MultiValueMap<String, String> grant = form("grant_type", "password", "client_id", "gridloop-app",
                    "username", user.username(), "password", user.password(), "scope", "openid");
            assertThat(whatGridloopReads(token(keycloak.tokenUri(DEMO), grant))).as(user.username())
                    .isEqualTo(whatGridloopReads(token(devTokens, grant)));
        }
        for (DevRealm.Client client : demo.clients()) {
            if (client.serviceAccount() == null) {
                continue;
            }
            MultiValueMap<String, String> grant = form("grant_type", "client_credentials",
                    "client_id", client.clientId(), "client_secret", client.secret());
            assertThat(whatGridloopReads(token(keycloak.tokenUri(DEMO), grant))).as(client.clientId())
                    .isEqualTo(whatGridloopReads(token(devTokens, grant)));
        }
    }

    @Test
    void shouldLetEveryServiceServeKeycloaksTokensByRoleAreaUnitAndAudience() {
        String gridWorker = person("gw-saihan-01");
        String operator = person("operator-saihan");
        String water = person("handler-saihan-water");

        // intake: a grid worker reads the grids he walks, not others'.
        call(ServiceNames.INTAKE, gridWorker, "/api/v1/areas/150105001001001", 200);
        // dispatch: the district's worklist for its operator; a unit's queue for that unit only.
        call(ServiceNames.DISPATCH, operator, "/api/v1/worklist?area=150105", 200);
        call(ServiceNames.DISPATCH, operator, "/api/v1/worklist?area=150102", 403);
        call(ServiceNames.DISPATCH, water, "/api/v1/queues/150105-WATER", 200);
        call(ServiceNames.DISPATCH, water, "/api/v1/queues/150102-WATER", 403);
        // statistics: inside the supervisor's district, not another.
        String supervisor = person("supervisor-saihan");
        call(ServiceNames.STATS, supervisor, "/api/v1/stats/completion?level=street&parent=150105", 200);
        call(ServiceNames.STATS, supervisor, "/api/v1/stats/completion?level=street&parent=150102", 403);
        // the 12345 bridge's outbox is the administrator's.
        call(ServiceNames.HOTLINE_BRIDGE, person("admin"), "/api/v1/hotline/outbox", 200);
        call(ServiceNames.HOTLINE_BRIDGE, operator, "/api/v1/hotline/outbox", 403);
        // metrics: Prometheus scrapes as its own client.
        String prometheus = token(keycloak.tokenUri(DEMO), form("grant_type", "client_credentials",
                "client_id", "prometheus", "client_secret", "prometheus-secret"));
        call(ServiceNames.METRICS, prometheus, "/actuator/prometheus", 200);
        call(ServiceNames.METRICS, gridWorker, "/actuator/prometheus", 403);
        // audience: the demo feeder's tokens are for intake and dispatch only.
        String feeder = token(keycloak.tokenUri(DEMO), form("grant_type", "client_credentials",
                "client_id", "demo-feeder", "client_secret", "demo-feeder-secret"));
        call(ServiceNames.DISPATCH, feeder, "/api/v1/worklist?area=1501", 200);
        JsonNode refused = call(ServiceNames.STATS, feeder, "/api/v1/stats/completion?level=district", 401);
        assertThat(refused.path("code").asString()).isEqualTo("TOKEN_WRONG_AUDIENCE");
    }

    @Test
    void shouldSignInToTheWorkbenchThroughKeycloaksLoginPage() {
        String workbench = stack.baseUrl(ServiceNames.METRICS) + "/workbench/";
        browser.get(workbench);

        await().atMost(LoopDriver.PATIENCE).ignoreExceptions().until(() -> browser.findElement(By.id("username")).isDisplayed());
        assertThat(browser.getCurrentUrl()).startsWith(keycloak.issuerUri(DEMO) + "/protocol/openid-connect/auth");
        assertThat(browser.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("zh-CN");
        HeadlessChromium.screenshot(browser, "keycloak-1-login");
        browser.findElement(By.id("username")).sendKeys("operator-saihan");
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        browser.findElement(By.id("kc-login")).click();

        // Back on the workbench with Keycloak's tokens: the operator's name, and the worklist loaded with them.
        await().atMost(LoopDriver.PATIENCE).ignoreExceptions()
                .until(() -> browser.findElement(By.id("person-name")).getText().contains("赛罕区"));
        assertThat(browser.getCurrentUrl()).startsWith(workbench);
        await().atMost(LoopDriver.PATIENCE).ignoreExceptions()
                .until(() -> !browser.findElements(By.cssSelector("[data-tab]")).isEmpty());
        assertThat(browser.findElements(By.cssSelector(".el-message--error"))).as("no page refused").isEmpty();
        HeadlessChromium.screenshot(browser, "keycloak-2-workbench");

        browser.findElement(By.id("sign-out")).click();
        await().atMost(LoopDriver.PATIENCE).ignoreExceptions().until(() -> browser.findElement(By.id("username")).isDisplayed());
        assertThat(browser.getCurrentUrl()).startsWith(keycloak.issuerUri(DEMO));
    }

    @Test
    void shouldImportTheProductionRealmWithItsProtectionsLive() throws Exception {
        String admin = adminToken();
        String users = keycloak.adminUri() + "/" + PRODUCTION + "/users";

        // The password policy refuses a demo password.
        String weak = createUser(admin, users, "weak-user", List.of("OPERATOR"), "150105", null);
        var refused = http.put().uri(users + "/{id}/reset-password", weak).header("Authorization", "Bearer " + admin)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("type", "password", "value", PASSWORD, "temporary", false))
                .exchange((request, response) -> response.getStatusCode().value());
        assertThat(refused).isEqualTo(400);

        // An operator the installation creates signs in through the code flow; the token says what gridloop reads.
        String strong = "Gridloop-2026-strong!";
        setPassword(admin, users, createUser(admin, users, "operator-test", List.of("OPERATOR"), "150105",
                "150105001"), strong);
        Map<String, Object> claims = whatGridloopReads(signInWithCode(PRODUCTION, "operator-test", strong));
        assertThat(claims.get("roles")).asInstanceOf(InstanceOfAssertFactories.list(String.class))
                .as("of gridloop's roles, the one given").contains("OPERATOR")
                .doesNotContain("ADMIN", "SUPERVISOR", "HANDLER", "GRID_WORKER", "REPORTER_APP", "MONITOR");
        assertThat(claims).containsEntry("area", List.of("150105")).containsEntry("unit", "150105001")
                .containsEntry("azp", "gridloop-web");
        assertThat(claims.get("aud")).asInstanceOf(InstanceOfAssertFactories.list(String.class))
                .containsAll(DevRealm.ALL_AUDIENCES);

        // An administrator must set up a one-time password before any token is issued.
        setPassword(admin, users, createUser(admin, users, "admin-test", List.of("ADMIN"), "1501", null), strong);
        assertThat(signInWithCode(PRODUCTION, "admin-test", strong)).as("no code without a one-time password").isNull();

        // Prometheus's client scrapes with MONITOR: its service account's role comes with the import.
        String clients = keycloak.adminUri() + "/" + PRODUCTION + "/clients";
        JsonNode prometheus = http.get().uri(clients + "?clientId=prometheus").header("Authorization", "Bearer " + admin)
                .retrieve().body(JsonNode.class).get(0);
        String secret = http.get().uri(clients + "/{id}/client-secret", prometheus.path("id").asString())
                .header("Authorization", "Bearer " + admin).retrieve().body(JsonNode.class).path("value").asString();
        assertThat(secret).as("Keycloak made the secret at import").isNotBlank();
        Map<String, Object> scraper = whatGridloopReads(token(keycloak.tokenUri(PRODUCTION), form(
                "grant_type", "client_credentials", "client_id", "prometheus", "client_secret", secret)));
        assertThat(scraper.get("roles")).asInstanceOf(InstanceOfAssertFactories.list(String.class)).contains("MONITOR");
    }

    // --- Keycloak's endpoints, spoken to as an application and as its administrator

    private String person(String username) {
        return token(keycloak.tokenUri(DEMO), form("grant_type", "password", "client_id", "gridloop-app",
                "username", username, "password", PASSWORD));
    }

    private String token(String tokenUri, MultiValueMap<String, String> grant) {
        JsonNode answer = http.post().uri(tokenUri).contentType(MediaType.APPLICATION_FORM_URLENCODED).body(grant)
                .retrieve().body(JsonNode.class);
        return answer.path("access_token").asString();
    }

    private JsonNode call(String service, String token, String path, int status) {
        var answer = ServiceIntegrationTest.bearer(stack.baseUrl(service), token).get().uri(path).exchange()
                .expectBody(String.class).returnResult();
        assertThat(answer.getStatus().value()).as("%s %s: %s", service, path, answer.getResponseBody())
                .isEqualTo(status);
        return answer.getResponseBody() == null || !answer.getResponseBody().startsWith("{") ? JSON.createObjectNode()
                : JSON.readTree(answer.getResponseBody());
    }

    private String adminToken() {
        return token(keycloak.tokenUri("master"), form("grant_type", "password", "client_id", "admin-cli",
                "username", KeycloakServer.ADMIN, "password", keycloak.adminPassword()));
    }

    private String createUser(String admin, String users, String username, List<String> roles, String area,
                              String unit) {
        Map<String, List<String>> attributes = new LinkedHashMap<>();
        attributes.put("area", List.of(area));
        if (unit != null) {
            attributes.put("unit", List.of(unit));
        }
        URI created = http.post().uri(users).header("Authorization", "Bearer " + admin)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("username", username, "enabled", true, "firstName", username, "lastName", "测试",
                        "email", username + "@example.gov.cn", "emailVerified", true, "attributes", attributes))
                .retrieve().toBodilessEntity().getHeaders().getLocation();
        String id = created.getPath().substring(created.getPath().lastIndexOf('/') + 1);
        String realmRoles = keycloak.adminUri() + "/" + PRODUCTION + "/roles/";
        List<JsonNode> grants = roles.stream().map(role -> http.get().uri(realmRoles + role)
                .header("Authorization", "Bearer " + admin).retrieve().body(JsonNode.class)).toList();
        http.post().uri(users + "/{id}/role-mappings/realm", id).header("Authorization", "Bearer " + admin)
                .contentType(MediaType.APPLICATION_JSON).body(grants).retrieve().toBodilessEntity();
        return id;
    }

    private void setPassword(String admin, String users, String id, String password) {
        http.put().uri(users + "/{id}/reset-password", id).header("Authorization", "Bearer " + admin)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("type", "password", "value", password, "temporary", false))
                .retrieve().toBodilessEntity();
    }

    /**
     * The authorization-code flow with PKCE in the browser, with a client of the realm: its login page filled in and
     * sent, the code taken from the address Keycloak sends the browser back to (the production realm's host, which
     * does not exist here: the browser shows an error page at that address) and exchanged. Null when Keycloak
     * asks for a one-time password's set-up instead of sending a code.
     */
    private String signInWithCode(String realm, String username, String password) throws NoSuchAlgorithmException {
        String redirect = "https://gridloop.example.gov.cn/workbench/";
        String verifier = UUID.randomUUID() + "-" + UUID.randomUUID();
        String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        // Nobody signed in yet: no session of an earlier sign-in to this realm.
        browser.get(keycloak.issuerUri(realm) + "/.well-known/openid-configuration");
        browser.manage().deleteAllCookies();
        browser.get(keycloak.issuerUri(realm) + "/protocol/openid-connect/auth?response_type=code&scope=openid"
                + "&client_id=gridloop-web&state=s1&redirect_uri=" + encode(redirect) + "&code_challenge=" + challenge
                + "&code_challenge_method=S256");
        await().atMost(LoopDriver.PATIENCE).ignoreExceptions().until(() -> browser.findElement(By.id("username")).isDisplayed());
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("kc-login")).click();
        await().atMost(LoopDriver.PATIENCE).until(() -> browser.getCurrentUrl().startsWith(redirect)
                || !browser.findElements(By.id("totp")).isEmpty());
        if (!browser.getCurrentUrl().startsWith(redirect)) {
            HeadlessChromium.screenshot(browser, "keycloak-3-production-admin-otp");
            return null;
        }
        Matcher code = Pattern.compile("[?&]code=([^&#]+)").matcher(browser.getCurrentUrl());
        assertThat(code.find()).as(browser.getCurrentUrl()).isTrue();
        return token(keycloak.tokenUri(realm), form("grant_type", "authorization_code", "client_id", "gridloop-web",
                "code", code.group(1), "redirect_uri", redirect, "code_verifier", verifier));
    }

    // --- what gridloop reads of a token (Identity's claims, the audience), whoever issued it

    private static Map<String, Object> whatGridloopReads(String token) {
        try {
            JWTClaimsSet claims = SignedJWT.parse(token).getJWTClaimsSet();
            Map<String, Object> read = new TreeMap<>();
            read.put("typ", claims.getClaim("typ"));
            read.put("azp", claims.getClaim("azp"));
            read.put("aud", sorted(claims.getAudience()));
            Object access = claims.getClaim("realm_access");
            read.put("roles", sorted(access instanceof Map<?, ?> map ? map.get("roles") : null));
            read.put("area", claims.getClaim("area"));
            read.put("unit", claims.getClaim("unit"));
            read.put("channel", sorted(claims.getClaim("channel")));
            read.put("preferred_username", claims.getClaim("preferred_username"));
            read.put("name", claims.getClaim("name"));
            return read;
        } catch (ParseException e) {
            throw new AssertionError("not a signed JWT: " + token, e);
        }
    }

    /** A list claim in order, whatever order the issuer wrote it in; empty when absent. */
    private static List<String> sorted(Object claim) {
        return claim instanceof List<?> list ? list.stream().map(String::valueOf).sorted().toList() : List.of();
    }

    private static MultiValueMap<String, String> form(String... pairs) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            form.add(pairs[i], pairs[i + 1]);
        }
        return form;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
