package io.gridloop.intake.open311;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.ClassPathResource;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Open311 clients: none unless the installation names them, and the documented variables bind as written. */
class Open311SettingsTest {

    @Test
    void shouldBindClientsFromTheDocumentedEnvironmentVariablesKeepingTheKeyAsWritten() {
        Map<String, Object> variables = Map.of(
                "GRIDLOOP_INTAKE_OPEN311_CLIENTS_0_KEY", "Xq7-Lm_93aZ",
                "GRIDLOOP_INTAKE_OPEN311_CLIENTS_0_NAME", "市民随手拍",
                "GRIDLOOP_INTAKE_OPEN311_CLIENTS_1_KEY", "k2");
        MutablePropertySources sources = new MutablePropertySources();
        sources.addFirst(new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables));

        Open311Settings settings = new Binder(ConfigurationPropertySources.from(sources))
                .bind("gridloop.intake.open311", Open311Settings.class).get();

        assertThat(settings.clientNamed("Xq7-Lm_93aZ")).contains("市民随手拍");
        assertThat(settings.clientNamed("xq7-lm_93az")).as("keys are case-sensitive secrets").isEmpty();
        assertThat(settings.clientNamed("k2")).as("a client without a name is named by its key").contains("k2");
        assertThat(settings.clientNamed(null)).isEmpty();
    }

    @Test
    void shouldAllowNoClientByItsOwnConfiguration() throws IOException {
        List<PropertySource<?>> own = new YamlPropertySourceLoader().load("intake-service.yml",
                new ClassPathResource("intake-service.yml"));
        MutablePropertySources sources = new MutablePropertySources();
        own.forEach(sources::addLast);

        Open311Settings settings = new Binder(ConfigurationPropertySources.from(sources))
                .bind("gridloop.intake.open311", Open311Settings.class).orElse(new Open311Settings(null, null));

        assertThat(settings.clients()).isEmpty();
        assertThat(settings.clientNamed("demo-open311-key")).isEmpty();
        assertThat(settings.jurisdictionId()).isEqualTo("hohhot");
    }
}
