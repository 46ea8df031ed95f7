package io.gridloop.localstack;

import io.gridloop.infra.auth.DevRealm;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docker-compose cannot run on the machines gridloop is built on, so this keeps it honest: every service module
 * has a service entry with its port, its image from the Jib configuration, the same property keys as the local
 * stack, a health check, and waits for healthy Kafka and MongoDB; Prometheus scrapes every service.
 */
class DockerComposeTest {

    private static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();
    private static Map<String, Object> services;

    @BeforeAll
    static void load() throws IOException {
        services = map(yaml(ROOT.resolve("docker-compose.yml")).get("services"));
    }

    /** Every directory under services/ that builds a Spring Boot application. */
    static Stream<String> serviceModules() throws IOException {
        try (Stream<Path> dirs = Files.list(ROOT.resolve("services"))) {
            return dirs.filter(d -> Files.exists(d.resolve("src/main/resources").resolve(d.getFileName() + ".yml")))
                    .map(d -> d.getFileName().toString()).sorted().toList().stream();
        }
    }

    @Test
    void shouldFindAllFiveServiceModules() throws IOException {
        assertThat(serviceModules().toList()).containsExactly(
                "dispatch-service", "hotline-bridge", "intake-service", "metrics-service", "stats-service");
    }

    @ParameterizedTest
    @MethodSource("serviceModules")
    void shouldRunEachServiceOnItsPortWithTheLocalStacksPropertyKeys(String module) throws IOException {
        int port = serverPort(module);
        Map<String, Object> service = map(services.get(module));

        assertThat(service).as(module + " in docker-compose.yml").isNotNull();
        assertThat(service.get("image")).isEqualTo("gridloop/" + module + ":0.1.0-SNAPSHOT");
        assertThat(String.valueOf(service.get("ports"))).isEqualTo("[" + port + ":" + port + "]");
        Map<String, Object> env = map(service.get("environment"));
        assertThat(env).containsKeys("SPRING_KAFKA_BOOTSTRAP_SERVERS", "SPRING_MONGODB_URI");
        assertThat(String.valueOf(env.get("SPRING_KAFKA_BOOTSTRAP_SERVERS"))).isEqualTo("kafka:9092");
        assertThat(String.valueOf(env.get("SPRING_MONGODB_URI"))).startsWith("mongodb://mongo:27017");
        assertThat(String.valueOf(env.get("SERVER_PORT"))).isEqualTo(String.valueOf(port));
        assertThat(map(service.get("healthcheck")).get("test").toString()).contains("/actuator/health");
        Map<String, Object> dependsOn = map(service.get("depends_on"));
        assertThat(map(dependsOn.get("kafka")).get("condition")).isEqualTo("service_healthy");
        assertThat(map(dependsOn.get("mongo")).get("condition")).isEqualTo("service_healthy");
        assertThat(map(dependsOn.get("keycloak")).get("condition")).isEqualTo("service_healthy");
        // Relaxed binding of spring.security.oauth2.resourceserver.jwt.issuer-uri / jwk-set-uri.
        assertThat(String.valueOf(env.get("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUERURI")))
                .isEqualTo("http://localhost:8180/realms/gridloop");
        assertThat(String.valueOf(env.get("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_JWKSETURI")))
                .isEqualTo("http://keycloak:8180/realms/gridloop/protocol/openid-connect/certs");
    }

    /**
     * Keycloak imports the same realm export the local stack's issuer serves, and Prometheus signs in as that
     * realm's metrics client, whose service account may read /actuator/prometheus.
     */
    @Test
    void shouldSignInWithKeycloakOnTheRealmExportAndScrapeAsItsMonitorClient() throws IOException {
        Map<String, Object> keycloak = map(services.get("keycloak"));
        assertThat(keycloak.get("command").toString()).contains("--import-realm").contains("--hostname=http://localhost:8180");
        // Keycloak imports a file of the import directory only when it is named after its realm.
        assertThat(keycloak.get("volumes").toString()).contains("./deploy/keycloak/demo-realm.json:"
                + "/opt/keycloak/data/import/" + DevRealm.standard().name() + "-realm.json");
        assertThat(keycloak).containsKey("healthcheck");

        DevRealm realm = DevRealm.standard();
        assertThat(Files.readString(ROOT.resolve("deploy/keycloak/demo-realm.json")))
                .as("the realm on the class path is the file docker-compose mounts")
                .contains("\"realm\": \"" + realm.name() + "\"");
        Map<String, Object> oauth2 = map(map(((List<?>) yaml(ROOT.resolve("deploy/prometheus/prometheus.yml"))
                .get("scrape_configs")).getFirst()).get("oauth2"));
        DevRealm.Client client = realm.client(String.valueOf(oauth2.get("client_id"))).orElseThrow();
        assertThat(oauth2.get("client_secret")).isEqualTo(client.secret());
        assertThat(client.serviceAccount().roles()).contains("MONITOR");
        assertThat(String.valueOf(oauth2.get("token_url")))
                .isEqualTo("http://keycloak:8180/realms/gridloop/protocol/openid-connect/token");
    }

    @Test
    void shouldTellTheBridgeWhereThe12345PlatformIsAndTheSecretItSignsWith() {
        Map<String, Object> env = map(map(services.get("hotline-bridge")).get("environment"));

        // Relaxed binding: GRIDLOOP_HOTLINE_BASEURL is gridloop.hotline.base-url.
        assertThat(String.valueOf(env.get("GRIDLOOP_HOTLINE_BASEURL"))).contains("8093");
        // Secrets have no default: compose refuses to start without them (${VAR:?…}).
        assertThat(String.valueOf(env.get("GRIDLOOP_HOTLINE_SECRET"))).startsWith("${GRIDLOOP_HOTLINE_SECRET:?");
        assertThat(String.valueOf(env.get("GRIDLOOP_HOTLINE_CONTACTKEY"))).startsWith("${GRIDLOOP_HOTLINE_CONTACTKEY:?");
    }

    /** The consoles take their administrators' passwords from the environment and let nobody in anonymously. */
    @Test
    void shouldGiveTheConsolesRealCredentials() {
        Map<String, Object> grafana = map(map(services.get("grafana")).get("environment"));
        assertThat(String.valueOf(grafana.get("GF_AUTH_ANONYMOUS_ENABLED"))).isEqualTo("false");
        assertThat(String.valueOf(grafana.get("GF_SECURITY_ADMIN_PASSWORD"))).startsWith("${GRAFANA_ADMIN_PASSWORD:?");
        Map<String, Object> keycloak = map(map(services.get("keycloak")).get("environment"));
        assertThat(String.valueOf(keycloak.get("KC_BOOTSTRAP_ADMIN_PASSWORD"))).startsWith("${KEYCLOAK_ADMIN_PASSWORD:?");
        assertThat(String.valueOf(map(services.get("prometheus")).get("ports"))).contains("127.0.0.1:9090");
        for (String infra : List.of("kafka", "mongo")) {
            assertThat(map(services.get(infra))).as(infra + " is reachable inside the compose network only")
                    .doesNotContainKey("ports");
        }
    }

    @Test
    void shouldRunKafkaMongoPrometheusAndGrafanaWithHealthChecks() {
        for (String infra : List.of("kafka", "mongo", "keycloak", "prometheus", "grafana")) {
            assertThat(map(services.get(infra))).as(infra).containsKey("healthcheck");
        }
        assertThat(map(services.get("mongo")).get("command").toString()).contains("--replSet");
    }

    @ParameterizedTest
    @MethodSource("serviceModules")
    void shouldHavePrometheusScrapeEachService(String module) throws IOException {
        String prometheus = Files.readString(ROOT.resolve("deploy/prometheus/prometheus.yml"));

        assertThat(prometheus).contains("\"" + module + ":" + serverPort(module) + "\"");
    }

    /**
     * The Grafana dashboard may only chart gauges metrics-service registers (names read from its source, so a
     * renamed gauge fails here rather than as an empty panel), and has the district table, the 办结率 bars and
     * the twelve-month trend supervisors expect.
     */
    @Test
    void shouldChartOnlyGaugesMetricsServiceExposes() throws IOException {
        String board = Files.readString(ROOT.resolve(
                "services/metrics-service/src/main/java/io/gridloop/metrics/district/DistrictGauges.java"));
        java.util.Set<String> exposed = java.util.regex.Pattern.compile("(?:Gauge\\.builder\\(|new Measure\\(\\s*)\"(gridloop\\.[a-z.]+)\"")
                .matcher(board).results().map(m -> m.group(1).replace('.', '_'))
                .collect(java.util.stream.Collectors.toSet());
        tools.jackson.databind.JsonNode dashboard = new tools.jackson.databind.ObjectMapper().readTree(
                Files.readString(ROOT.resolve("deploy/grafana/dashboards/gridloop-completion.json")));

        List<String> charted = new java.util.ArrayList<>();
        List<String> types = new java.util.ArrayList<>();
        for (tools.jackson.databind.JsonNode panel : dashboard.get("panels")) {
            types.add(panel.get("type").asString() + " " + panel.get("title").asString());
            for (tools.jackson.databind.JsonNode target : panel.get("targets")) {
                java.util.regex.Pattern.compile("gridloop_[a-z_]+").matcher(target.get("expr").asString())
                        .results().forEach(m -> charted.add(m.group()));
            }
        }
        assertThat(exposed).contains("gridloop_completion_rate", "gridloop_ontime_rate", "gridloop_overdue_cases",
                "gridloop_month_completion_rate");
        assertThat(charted).isNotEmpty().allSatisfy(metric -> assertThat(exposed).contains(metric));
        assertThat(charted).contains("gridloop_ontime_rate", "gridloop_overdue_cases", "gridloop_month_completion_rate");
        assertThat(types).anySatisfy(t -> assertThat(t).startsWith("bargauge").contains("办结率"))
                .anySatisfy(t -> assertThat(t).startsWith("table").contains("超期"))
                .anySatisfy(t -> assertThat(t).startsWith("barchart").contains("12个月趋势"));
    }

    static int serverPort(String module) throws IOException {
        Map<String, Object> config = yaml(ROOT.resolve("services").resolve(module)
                .resolve("src/main/resources").resolve(module + ".yml"));
        return (Integer) map(config.get("server")).get("port");
    }

    private static Map<String, Object> yaml(Path file) throws IOException {
        try (Reader in = Files.newBufferedReader(file)) {
            return new Yaml().load(in);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }
}
