package io.gridloop.intake.access;

import io.gridloop.platform.security.ApiAccess;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static io.gridloop.platform.security.Role.ADMIN;
import static io.gridloop.platform.security.Role.GRID_WORKER;
import static io.gridloop.platform.security.Role.OPERATOR;
import static io.gridloop.platform.security.Role.REPORTER_APP;
import static io.gridloop.platform.security.Role.names;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;

/**
 * Who may call which of intake's endpoints. Which grids and whose reports are checked where the data is
 * ({@link ReportAccess}).
 */
@Configuration(proxyBeanMethods = false)
class IntakeAccess {

    @Bean
    ApiAccess intakeEndpoints() {
        return rules -> rules
                .requestMatchers(POST, "/api/v1/events", "/api/v1/events/*/not-fixed")
                .hasAnyRole(names(GRID_WORKER, OPERATOR, REPORTER_APP))
                .requestMatchers(GET, "/api/v1/events", "/api/v1/events/*")
                .hasAnyRole(names(GRID_WORKER, OPERATOR, REPORTER_APP))
                .requestMatchers(POST, "/api/v1/admin/grid-registry").hasRole(ADMIN.name())
                // Reference data every signed-in client needs: areas of the registry, the catalogue.
                .requestMatchers(GET, "/api/v1/areas/**", "/api/v1/catalogue/**").authenticated()
                // Open311 GeoReport v2 keeps its own standard's rules: the service list is public and a request
                // is created with the channel's api_key; reading requests back needs a reporting channel.
                .requestMatchers(GET, "/open311/v2/services.json", "/open311/v2/services/*").permitAll()
                .requestMatchers(POST, "/open311/v2/requests.json").permitAll()
                .requestMatchers(GET, "/open311/v2/requests.json", "/open311/v2/requests/*",
                        "/open311/v2/servicerequestupdates.json").hasAnyRole(names(REPORTER_APP, OPERATOR));
    }
}
