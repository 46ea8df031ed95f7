package io.gridloop.metrics.access;

import io.gridloop.platform.security.ApiAccess;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static io.gridloop.platform.security.Role.OPERATOR;
import static io.gridloop.platform.security.Role.SUPERVISOR;
import static io.gridloop.platform.security.Role.names;
import static org.springframework.http.HttpMethod.GET;

/**
 * The workbench's page (the dashboard is one of its pages) and its configuration are public: the page signs its
 * user in itself. The figures and the live feed are for supervisors and dispatch centres, each for their own
 * districts.
 */
@Configuration(proxyBeanMethods = false)
class MetricsAccess {

    @Bean
    ApiAccess dashboardEndpoints() {
        return rules -> rules
                .requestMatchers(GET, "/", "/favicon.ico", "/workbench", "/workbench/", "/workbench/**", "/api/v1/web/config").permitAll()
                .requestMatchers(GET, "/api/v1/dashboard/districts", "/api/v1/dashboard/stream")
                .hasAnyRole(names(SUPERVISOR, OPERATOR));
    }
}
