package io.gridloop.platform.web;

import org.apache.catalina.Container;
import org.apache.catalina.Context;
import org.apache.catalina.Lifecycle;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.http.converter.HttpMessageConverters;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.json.JsonMapper;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * problem+json error answers in every service with a web layer: from controllers (the advice), from the error
 * page (what filters refuse) and from Tomcat itself (what it cannot parse).
 */
@AutoConfiguration(beforeName = "org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Import({ProblemDetailsAdvice.class, ProblemErrorController.class})
@EnableConfigurationProperties({RequestLimits.class, BrowserOrigins.class, PageSettings.class})
public class GridloopWebAutoConfiguration {

    @Bean
    JsonParts gridloopJsonParts(JsonMapper json, jakarta.validation.Validator validator) {
        return new JsonParts(json, validator);
    }

    /**
     * The APIs speak JSON (and the forms, CSV and multipart their endpoints name): a YAML reader that a library
     * brought onto the class path must not become an input format nobody tests, nor be offered in a 415.
     */
    @Bean
    WebMvcConfigurer gridloopNoYaml() {
        return new WebMvcConfigurer() {
            @Override
            public void configureMessageConverters(HttpMessageConverters.ServerBuilder builder) {
                builder.configureMessageConvertersList(converters -> converters.removeIf(c ->
                        c.getSupportedMediaTypes().stream().anyMatch(t -> t.getSubtype().contains("yaml"))));
            }
        };
    }

    /**
     * The API answers the pages gridloop serves ({@link BrowserOrigins}) from their own origin: what they read,
     * what they change, and the file names of exports.
     */
    @Bean
    WebMvcConfigurer gridloopBrowserOrigins(BrowserOrigins origins) {
        return new WebMvcConfigurer() {
            @Override
            public void addCorsMappings(org.springframework.web.servlet.config.annotation.CorsRegistry registry) {
                if (origins.origins().isEmpty()) {
                    return;
                }
                registry.addMapping("/api/**")
                        .allowedOrigins(origins.origins().toArray(String[]::new))
                        .allowedMethods("GET", "POST", "PUT", "DELETE")
                        .allowedHeaders("Authorization", "Content-Type", "Accept", "Idempotency-Key")
                        .exposedHeaders("Content-Disposition", "Location")
                        .maxAge(3600);
            }
        };
    }

    /** Ahead of the security filters: an oversized or flooding request is refused before a token is checked. */
    @Bean
    FilterRegistrationBean<RequestLimitFilter> gridloopRequestLimits(RequestLimits limits, JsonMapper json,
                                                                     MeterRegistry meters) {
        FilterRegistrationBean<RequestLimitFilter> registration =
                new FilterRegistrationBean<>(new RequestLimitFilter(limits, json, meters));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(TomcatServletWebServerFactory.class)
    static class TomcatErrors {

        /**
         * Swaps the host's HTML error report for {@link ProblemJsonErrorValve} once the host has put its own in
         * place (it does so when it starts, just before its context).
         */
        @Bean
        WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemJsonErrorReports() {
            return factory -> factory.addContextLifecycleListeners(event -> {
                if (Lifecycle.BEFORE_START_EVENT.equals(event.getType())
                        && event.getLifecycle() instanceof Context context && context.getParent() != null) {
                    replaceErrorReport(context.getParent());
                }
            });
        }

        private static void replaceErrorReport(Container host) {
            if (host instanceof StandardHost standard) {
                standard.setErrorReportValveClass(ProblemJsonErrorValve.class.getName());
            }
            for (Valve valve : host.getPipeline().getValves()) {
                if (valve instanceof ErrorReportValve && !(valve instanceof ProblemJsonErrorValve)) {
                    host.getPipeline().removeValve(valve);
                    host.getPipeline().addValve(new ProblemJsonErrorValve());
                }
            }
        }
    }
}
