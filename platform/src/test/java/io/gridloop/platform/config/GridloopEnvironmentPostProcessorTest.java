package io.gridloop.platform.config;

import io.gridloop.platform.GridloopService;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class GridloopEnvironmentPostProcessorTest {

    @GridloopService("sample-service")
    static class SampleApplication {
    }

    private final GridloopEnvironmentPostProcessor processor = new GridloopEnvironmentPostProcessor();

    @Test
    void shouldNameTheServicesConfigurationFileAfterTheService() {
        StandardEnvironment env = new StandardEnvironment();

        processor.postProcessEnvironment(env, new SpringApplication(SampleApplication.class));

        assertThat(env.getProperty("spring.config.name")).isEqualTo("sample-service");
        assertThat(env.getProperty("spring.application.name")).isEqualTo("sample-service");
    }

    @Test
    void shouldGiveTheSharedDefaultsAtTheLowestPrecedence() {
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources().addFirst(new MapPropertySource("env", Map.of("spring.kafka.producer.acks", "1")));

        processor.postProcessEnvironment(env, new SpringApplication(SampleApplication.class));

        assertThat(env.getProperty("spring.kafka.producer.acks")).isEqualTo("1");
        assertThat(env.getProperty("spring.kafka.consumer.auto-offset-reset")).isEqualTo("earliest");
        assertThat(env.getProperty("management.health.mongo.enabled")).isEqualTo("false");
    }

    @Test
    void shouldNotOverrideDefaultsTheApplicationSetItself() {
        StandardEnvironment env = new StandardEnvironment();
        SpringApplication app = new SpringApplication(SampleApplication.class);
        app.setDefaultProperties(Map.of("spring.mongodb.uri", "mongodb://elsewhere:27018"));
        env.getPropertySources().addLast(new MapPropertySource("defaultProperties",
                Map.of("spring.mongodb.uri", "mongodb://elsewhere:27018")));

        processor.postProcessEnvironment(env, app);

        assertThat(env.getProperty("spring.mongodb.uri")).isEqualTo("mongodb://elsewhere:27018");
        assertThat(env.getProperty("spring.kafka.bootstrap-servers")).isEqualTo("localhost:9092");
    }
}
