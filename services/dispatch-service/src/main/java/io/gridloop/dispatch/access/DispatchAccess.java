package io.gridloop.dispatch.access;

import io.gridloop.platform.security.ApiAccess;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static io.gridloop.platform.security.Role.ADMIN;
import static io.gridloop.platform.security.Role.GRID_WORKER;
import static io.gridloop.platform.security.Role.HANDLER;
import static io.gridloop.platform.security.Role.OPERATOR;
import static io.gridloop.platform.security.Role.SUPERVISOR;
import static io.gridloop.platform.security.Role.names;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

/** Who may call which of dispatch's endpoints; which cases and units is {@link CaseAccess}'s question. */
@Configuration(proxyBeanMethods = false)
class DispatchAccess {

    @Bean
    ApiAccess dispatchEndpoints() {
        return rules -> rules
                // Grid workers are the handling unit of their grids' cases (小事不出网格): CaseAccess says which.
                .requestMatchers(GET, "/api/v1/cases/*", "/api/v1/cases/*/timeline")
                .hasAnyRole(names(OPERATOR, HANDLER, SUPERVISOR, GRID_WORKER))
                .requestMatchers(GET, "/api/v1/cases/*/units").hasAnyRole(names(OPERATOR, HANDLER, GRID_WORKER))
                .requestMatchers(GET, "/api/v1/units", "/api/v1/units/*")
                .hasAnyRole(names(OPERATOR, HANDLER, SUPERVISOR, ADMIN))
                .requestMatchers(PUT, "/api/v1/admin/units/*", "/api/v1/admin/units/*/members").hasRole(ADMIN.name())
                .requestMatchers(POST, "/api/v1/cases/*/actions/*").hasAnyRole(names(OPERATOR, HANDLER, GRID_WORKER))
                .requestMatchers(GET, "/api/v1/queues/*").hasAnyRole(names(OPERATOR, HANDLER, GRID_WORKER))
                .requestMatchers(GET, "/api/v1/triage/*").hasRole(OPERATOR.name())
                .requestMatchers(GET, "/api/v1/worklist", "/api/v1/worklist/counts", "/api/v1/worklist/closed",
                        "/api/v1/search")
                .hasAnyRole(names(OPERATOR, SUPERVISOR))
                .requestMatchers(GET, "/api/v1/supervisions").hasAnyRole(names(OPERATOR, SUPERVISOR))
                .requestMatchers(GET, "/api/v1/admin/routing-rules", "/api/v1/admin/routing-rules/**",
                        "/api/v1/routing/decision").hasAnyRole(names(ADMIN, OPERATOR))
                .requestMatchers(PUT, "/api/v1/admin/routing-rules").hasRole(ADMIN.name())
                .requestMatchers(GET, "/api/v1/admin/calendars", "/api/v1/admin/calendars/*").hasRole(ADMIN.name())
                .requestMatchers(PUT, "/api/v1/admin/calendars/*").hasRole(ADMIN.name())
                // Working days and deadlines, and the names of the case vocabulary: everyone who works cases needs
                // them.
                .requestMatchers(GET, "/api/v1/calendar/**", "/api/v1/vocabulary").authenticated();
    }
}
