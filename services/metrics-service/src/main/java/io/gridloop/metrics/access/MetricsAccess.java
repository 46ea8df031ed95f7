package io.gridloop.metrics.access;

import io.gridloop.platform.security.ApiAccess;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static io.gridloop.platform.security.Role.OPERATOR;
import static io.gridloop.platform.security.Role.SUPERVISOR;
import static io.gridloop.platform.security.Role.names;
import static org.springframework.http.HttpMethod.GET;

/**
 * The dashboard's and the workbench's pages and their configuration are public (the page signs its viewer in); the figures are for
 * supervisors and dispatch centres, each for their own districts.
 */
@Configuration(proxyBeanMethods = false)
class MetricsAccess {

    @Bean
    ApiAccess dashboardEndpoints() {
        return rules -> rules
                .requestMatchers(GET, "/", "/index.html", "/dashboard.js", "/dashboard.css", "/favicon.ico",
                        "/_static/**", "/api/v1/dashboard/config").permitAll()
                // The workbench's page and its settings: it signs its user in itself.
                .requestMatchers(GET, "/workbench", "/workbench/", "/workbench/**", "/api/v1/web/config").permitAll()
                .requestMatchers(GET, "/api/v1/dashboard/districts", "/api/v1/dashboard/stream")
                .hasAnyRole(names(SUPERVISOR, OPERATOR));
    }
}
