package io.gridloop.intake.access;

import io.gridloop.infra.ServiceIntegrationTest;
import io.gridloop.infra.auth.Identity;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An administrator reads through {@code /actuator/configprops} which settings the service runs with — gridloop's
 * own among Spring's, bound by their records — but never a value: settings hold secrets.
 */
class ConfigPropsTest extends ServiceIntegrationTest {

    private static final Identity ADMIN = Identity.of("admin-config", List.of("ADMIN"), "1501");

    @Test
    void shouldNameGridloopsSettingsToAdministratorsWithoutTheirValues() {
        byte[] body = as(ADMIN).get().uri("/actuator/configprops").exchange().expectStatus().isOk()
                .expectBody().returnResult().getResponseBody();
        Map<String, JsonNode> byPrefix = new TreeMap<>();
        for (JsonNode context : JsonMapper.builder().build().readTree(body).path("contexts")) {
            for (JsonNode bean : context.path("beans")) {
                byPrefix.put(bean.path("prefix").asString(), bean.path("properties"));
            }
        }
        assertThat(byPrefix).containsKeys("gridloop", "gridloop.intake", "gridloop.intake.registry",
                "gridloop.kafka", "gridloop.audit", "gridloop.photos");
        assertThat(byPrefix.get("gridloop").path("installationArea").asString()).isEqualTo("******");
        assertThat(byPrefix.get("gridloop.intake.registry").path("reloadInterval").asString()).isEqualTo("******");
    }

    @Test
    void shouldShowTheSettingsToAdministratorsOnly() {
        as(Identity.of("gw-config", List.of("GRID_WORKER"), "150105001001003")).get().uri("/actuator/configprops")
                .exchange().expectStatus().isForbidden();
    }
}
