package io.gridloop.stats.query;

import io.gridloop.stats.StatsSettings;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.CorsRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The dashboard page (served by metrics-service on another port) reads the statistics straight from the
 * browser; only its origins may, and only to read.
 */
@Configuration(proxyBeanMethods = false)
class DashboardCors implements WebMvcConfigurer {

    private final StatsSettings settings;

    DashboardCors(StatsSettings settings) {
        this.settings = settings;
    }

    @Override
    public void addCorsMappings(CorsRegistry registry) {
        registry.addMapping("/api/v1/stats/**")
                .allowedOrigins(settings.dashboardOrigins().toArray(String[]::new))
                .allowedMethods("GET")
                .exposedHeaders("Content-Disposition")
                .maxAge(3600);
    }
}
