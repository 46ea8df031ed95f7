package io.gridloop.localstack;

import io.gridloop.infra.auth.DevRealm;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two realm exports: the production realm an installation imports, which must carry nothing anyone could sign in
 * with and the protections a government system needs; and the demo realm of the local stack and docker-compose.
 */
class RealmExportTest {

    private static final Path KEYCLOAK = Path.of("../keycloak").toAbsolutePath().normalize();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static JsonNode realm(String file) throws IOException {
        return JSON.readTree(Files.readString(KEYCLOAK.resolve(file)));
    }

    @Test
    void shouldShipAProductionRealmWithoutDemoIdentitiesOrSecrets() throws IOException {
        JsonNode realm = realm("production-realm.json");

        // No people: the installation creates them. Only the machine clients' service accounts, which carry their
        // roles (a service account imported without its user has none: Prometheus could not scrape).
        for (JsonNode user : realm.path("users")) {
            assertThat(user.path("username").asString()).startsWith("service-account-");
            assertThat(user.has("serviceAccountClientId")).isTrue();
            assertThat(user.has("credentials")).isFalse();
        }
        List<String> clients = new ArrayList<>();
        for (JsonNode client : realm.path("clients")) {
            String id = client.path("clientId").asString();
            clients.add(id);
            assertThat(client.has("secret")).as("%s: Keycloak generates secrets at import", id).isFalse();
            if (client.path("publicClient").asBoolean()) {
                assertThat(client.path("directAccessGrantsEnabled").asBoolean())
                        .as("%s: people sign in in the browser, never by sending a password to an app", id)
                        .isFalse();
                assertThat(client.path("attributes").path("pkce.code.challenge.method").asString()).isEqualTo("S256");
                client.path("redirectUris").forEach(uri -> assertThat(uri.asString()).startsWith("https://"));
            }
            assertThat(audiences(client)).as("%s names the services its tokens are for", id).isNotEmpty();
        }
        assertThat(clients).doesNotContain("demo-feeder", "bench").contains("prometheus");
        assertThat(Files.readString(KEYCLOAK.resolve("production-realm.json")))
                .doesNotContain("\"credentials\"", "bench-secret", "demo-feeder-secret", "prometheus-secret");
    }

    @Test
    void shouldProtectSignInInTheProductionRealm() throws IOException {
        JsonNode realm = realm("production-realm.json");

        assertThat(realm.path("sslRequired").asString()).isEqualTo("external");
        assertThat(realm.path("bruteForceProtected").asBoolean()).isTrue();
        assertThat(realm.path("failureFactor").asInt()).isBetween(3, 10);
        String policy = realm.path("passwordPolicy").asString();
        Matcher length = Pattern.compile("length\\((\\d+)\\)").matcher(policy);
        assertThat(length.find()).as("a minimum length in %s", policy).isTrue();
        assertThat(Integer.parseInt(length.group(1))).isGreaterThanOrEqualTo(12);
        assertThat(policy).contains("notUsername", "passwordHistory");

        // Administrators also give a one-time password, in the browser and in the direct grant.
        for (String flow : List.of(realm.path("browserFlow").asString(), realm.path("directGrantFlow").asString())) {
            List<String> steps = stepsOf(realm, flow);
            assertThat(steps).as("flow %s", flow).contains("conditional-user-role")
                    .containsAnyOf("auth-otp-form", "direct-grant-validate-otp");
        }
        for (JsonNode config : realm.path("authenticatorConfig")) {
            assertThat(config.path("config").path("condUserRole").asString()).isEqualTo("ADMIN");
        }
    }

    @Test
    void shouldGiveTheDemoFeederOnlyTheKeysOfTheServicesItReportsTo() throws IOException {
        DevRealm demo = DevRealm.standard();

        assertThat(demo.client("demo-feeder").orElseThrow().audiences())
                .containsExactlyInAnyOrder("intake-service", "dispatch-service");
        assertThat(demo.client("demo-feeder").orElseThrow().serviceAccount().channels())
                .as("a channel reports as the sources its client is set up for").isNotEmpty()
                .doesNotContain("HOTLINE_12345", "OPEN311");
        assertThat(Files.readString(KEYCLOAK.resolve("demo-realm.json"))).contains("\"realm\": \"" + demo.name() + "\"");
    }

    private static List<String> audiences(JsonNode client) {
        List<String> audiences = new ArrayList<>();
        for (JsonNode mapper : client.path("protocolMappers")) {
            if ("oidc-audience-mapper".equals(mapper.path("protocolMapper").asString())) {
                audiences.add(mapper.path("config").path("included.custom.audience").asString());
            }
        }
        return audiences;
    }

    /** Every authenticator a flow runs, its sub-flows' included. */
    private static List<String> stepsOf(JsonNode realm, String alias) {
        List<String> steps = new ArrayList<>();
        for (JsonNode flow : realm.path("authenticationFlows")) {
            if (flow.path("alias").asString().equals(alias)) {
                for (JsonNode step : flow.path("authenticationExecutions")) {
                    if (step.path("authenticatorFlow").asBoolean()) {
                        steps.addAll(stepsOf(realm, step.path("flowAlias").asString()));
                    } else {
                        steps.add(step.path("authenticator").asString());
                    }
                }
            }
        }
        return steps;
    }
}
