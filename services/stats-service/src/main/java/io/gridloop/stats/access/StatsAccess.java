package io.gridloop.stats.access;

import io.gridloop.platform.security.ApiAccess;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static io.gridloop.platform.security.Role.ADMIN;
import static io.gridloop.platform.security.Role.GRID_WORKER;
import static io.gridloop.platform.security.Role.OPERATOR;
import static io.gridloop.platform.security.Role.SUPERVISOR;
import static io.gridloop.platform.security.Role.names;
import static org.springframework.http.HttpMethod.DELETE;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

/**
 * Statistics are read, never written, over HTTP: by supervisors and dispatch centres, each for their areas. An
 * administrator may have every figure recounted from the case transitions.
 */
@Configuration(proxyBeanMethods = false)
class StatsAccess {

    @Bean
    ApiAccess statsEndpoints() {
        return rules -> rules
                .requestMatchers(GET, "/api/v1/stats/formulas").authenticated()
                // A grid worker reads their own month's assessment, and nothing else of statistics.
                .requestMatchers(GET, "/api/v1/stats/grid-workers/me").hasRole(GRID_WORKER.name())
                .requestMatchers(GET, "/api/v1/stats/**").hasAnyRole(names(SUPERVISOR, OPERATOR))
                // 考核: the measures and scoring rules are read by whoever reads the assessment; an administrator
                // saves a programme's rules (of their own areas: checked by the controller).
                // What a month is measured by is also read by the grid workers measured (我的考核).
                .requestMatchers(GET, "/api/v1/assessment/measures").hasAnyRole(
                        names(SUPERVISOR, OPERATOR, ADMIN, GRID_WORKER))
                .requestMatchers(GET, "/api/v1/assessment/**").hasAnyRole(names(SUPERVISOR, OPERATOR, ADMIN))
                .requestMatchers(POST, "/api/v1/assessment/rules").hasRole(ADMIN.name())
                // The roster of grid workers (花名册) is kept by an administrator of their grids.
                .requestMatchers(PUT, "/api/v1/assessment/grid-workers/*").hasRole(ADMIN.name())
                .requestMatchers(DELETE, "/api/v1/assessment/grid-workers/*").hasRole(ADMIN.name())
                .requestMatchers(GET, "/api/v1/admin/stats/rebuild").hasRole(ADMIN.name())
                .requestMatchers(POST, "/api/v1/admin/stats/rebuild").hasRole(ADMIN.name());
    }
}
