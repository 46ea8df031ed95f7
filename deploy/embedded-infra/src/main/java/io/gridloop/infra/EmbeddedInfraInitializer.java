package io.gridloop.infra;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points a Spring test context at the {@linkplain EmbeddedInfra#shared() shared embedded infrastructure}:
 * {@code @ContextConfiguration(initializers = EmbeddedInfraInitializer.class)}.
 */
public class EmbeddedInfraInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        context.getEnvironment().getPropertySources()
                .addFirst(new MapPropertySource("embeddedInfra", EmbeddedInfra.shared().springProperties()));
    }
}
