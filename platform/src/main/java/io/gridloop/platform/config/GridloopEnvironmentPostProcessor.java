package io.gridloop.platform.config;

import io.gridloop.platform.GridloopService;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.DefaultPropertiesPropertySource;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Gives every service the shared defaults in {@code gridloop-defaults.yml} at the lowest precedence (a service's
 * own file, environment variables and command-line arguments all override them), and points Spring at the
 * service's own configuration file named after {@link GridloopService}.
 *
 * <p>Runs before Boot loads configuration files, so {@code spring.config.name} takes effect.
 */
public class GridloopEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    static final String DEFAULTS = "gridloop-defaults.yml";

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> defaults = new HashMap<>(loadDefaults());
        serviceName(application).ifPresent(name -> {
            defaults.put("spring.application.name", name);
            defaults.put("spring.config.name", name);
        });
        // Defaults an application set itself (SpringApplication#setDefaultProperties) are more specific: keep them.
        if (environment.getPropertySources().get(DefaultPropertiesPropertySource.NAME)
                instanceof org.springframework.core.env.EnumerablePropertySource<?> own) {
            for (String name : own.getPropertyNames()) {
                defaults.remove(name);
            }
        }
        DefaultPropertiesPropertySource.addOrMerge(defaults, environment.getPropertySources());
    }

    private static java.util.Optional<String> serviceName(SpringApplication application) {
        return application.getAllSources().stream()
                .filter(Class.class::isInstance)
                .map(Class.class::cast)
                .map(type -> (GridloopService) type.getAnnotation(GridloopService.class))
                .filter(java.util.Objects::nonNull)
                .map(GridloopService::value)
                .findFirst();
    }

    private static Map<String, Object> loadDefaults() {
        try {
            List<PropertySource<?>> sources = new YamlPropertySourceLoader()
                    .load(DEFAULTS, new ClassPathResource(DEFAULTS, GridloopEnvironmentPostProcessor.class.getClassLoader()));
            Map<String, Object> values = new HashMap<>();
            for (PropertySource<?> source : sources) {
                if (source.getSource() instanceof Map<?, ?> map) {
                    map.forEach((k, v) -> values.put(String.valueOf(k), String.valueOf(unwrap(v))));
                }
            }
            return values;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + DEFAULTS, e);
        }
    }

    private static Object unwrap(Object value) {
        return value instanceof org.springframework.boot.origin.OriginTrackedValue tracked ? tracked.getValue() : value;
    }
}
