package io.gridloop.intake.access;

import io.gridloop.platform.security.ApiAccess;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static io.gridloop.platform.security.Role.ADMIN;
import static io.gridloop.platform.security.Role.GRID_WORKER;
import static io.gridloop.platform.security.Role.OPERATOR;
import static io.gridloop.platform.security.Role.REPORTER_APP;
import static io.gridloop.platform.security.Role.SUPERVISOR;
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
                // Patrols (巡查走访): recorded by grid workers; read by them, the centres and supervisors.
                .requestMatchers(POST, "/api/v1/patrols").hasRole(GRID_WORKER.name())
                .requestMatchers(GET, "/api/v1/patrols", "/api/v1/patrols/*")
                .hasAnyRole(names(GRID_WORKER, OPERATOR, SUPERVISOR))
                .requestMatchers(POST, "/api/v1/admin/grid-registry").hasRole(ADMIN.name())
                .requestMatchers(GET, "/api/v1/admin/grid-registry/import").hasRole(ADMIN.name())
                // Reference data every signed-in client needs: areas of the registry, the catalogue.
                .requestMatchers(GET, "/api/v1/areas/**", "/api/v1/catalogue/**").authenticated()
                // Open311 GeoReport v2 keeps its own standard's rules: services and requests are public (standard
                // clients read them without credentials) and a request is created with the channel's api_key. The
                // controller shows only requests that came in through Open311, without personal data.
                .requestMatchers(GET, "/open311/v2/services.json", "/open311/v2/services/*",
                        "/open311/v2/requests.json", "/open311/v2/requests/*",
                        "/open311/v2/servicerequestupdates.json").permitAll()
                .requestMatchers(POST, "/open311/v2/requests.json").permitAll();
    }
}
