package io.gridloop.platform.security;

import jakarta.servlet.DispatcherType;
import io.gridloop.platform.web.PageSettings;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.util.List;

import static io.gridloop.platform.security.Role.ADMIN;
import static io.gridloop.platform.security.Role.GRID_WORKER;
import static io.gridloop.platform.security.Role.HANDLER;
import static io.gridloop.platform.security.Role.MONITOR;
import static io.gridloop.platform.security.Role.OPERATOR;
import static io.gridloop.platform.security.Role.REPORTER_APP;
import static io.gridloop.platform.security.Role.SUPERVISOR;
import static io.gridloop.platform.security.Role.names;

/**
 * Every service's API as an OAuth2 resource server: a bearer JWT signed by the realm's issuer
 * ({@code spring.security.oauth2.resourceserver.jwt.*}), roles and areas from its claims ({@link Caller}),
 * no sessions, no cookies (so no CSRF). Health and the API description are public; Prometheus is for
 * MONITOR and ADMIN; the rest of the actuator for ADMIN; each service names its own endpoints
 * ({@link ApiAccess}) and everything no rule names is refused. Other concerns put their filters inside the chain
 * ({@link InSecurityChain}: the audit trail).
 */
@AutoConfiguration(beforeName = {
        "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration",
        "org.springframework.boot.security.oauth2.server.resource.autoconfigure.web.OAuth2ResourceServerWebSecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration"})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableWebSecurity
public class GridloopSecurityAutoConfiguration {

    /**
     * The security filters' refusals as problem+json: 401, 403, a token that cannot be checked (503), and — as
     * the {@code RequestRejectedHandler} the web security picks up — what the firewall refuses.
     */
    @Bean
    ProblemResponses gridloopProblemResponses(JsonMapper json) {
        return new ProblemResponses(json);
    }

    /** Every service's token decoder (Boot's, from the issuer's keys) checks a token once per lifetime. */
    @Bean
    static BeanPostProcessor gridloopRememberedTokens() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                return bean instanceof JwtDecoder decoder && !(bean instanceof RememberedTokens)
                        ? new RememberedTokens(decoder, Clock.systemUTC()) : bean;
            }
        };
    }

    @Bean
    SecurityFilterChain gridloopApiSecurity(HttpSecurity http, List<ApiAccess> services, ProblemResponses problems,
                                            List<InSecurityChain> inChain,
                                            @Value("${spring.security.oauth2.resourceserver.jwt.issuer-uri:}")
                                            String issuer,
                                            PageSettings pages)
            throws Exception {
        if (issuer.isBlank()) {
            // Without it Boot would build no token decoder and the service would fail with a riddle; and a default
            // would trust whatever answers on that address.
            throw new IllegalStateException("spring.security.oauth2.resourceserver.jwt.issuer-uri "
                    + "(SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUERURI) is not set: name the realm whose tokens "
                    + "this service accepts (未配置登录服务地址)");
        }
        String csp = pages.contentSecurityPolicy();
        if (!csp.isBlank()) {
            // A service that serves pages (the dashboard) names what they may load and talk to.
            http.headers(headers -> headers.contentSecurityPolicy(policy -> policy.policyDirectives(csp)));
        }
        http.csrf(csrf -> csrf.disable())
                .cors(Customizer.withDefaults())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(rules -> {
                    // An SSE stream's later dispatches and the error page belong to a request already checked.
                    rules.dispatcherTypeMatchers(DispatcherType.ASYNC, DispatcherType.ERROR).permitAll();
                    rules.requestMatchers("/error").permitAll();
                    rules.requestMatchers("/actuator/health", "/actuator/health/**").permitAll();
                    rules.requestMatchers("/actuator/prometheus").hasAnyRole(names(MONITOR, ADMIN));
                    rules.requestMatchers("/actuator", "/actuator/**").hasRole(ADMIN.name());
                    rules.requestMatchers(HttpMethod.GET, "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html",
                            "/swagger-ui/**").permitAll();
                    rules.requestMatchers(HttpMethod.POST, "/api/v1/photos")
                            .hasAnyRole(names(GRID_WORKER, HANDLER, OPERATOR, REPORTER_APP));
                    // Who may read which photo is decided by the reports and cases that name it (PhotoController).
                    rules.requestMatchers(HttpMethod.GET, "/api/v1/photos/**")
                            .hasAnyRole(names(GRID_WORKER, HANDLER, OPERATOR, SUPERVISOR, REPORTER_APP));
                    services.forEach(access -> access.rules(rules));
                    rules.anyRequest().denyAll();
                })
                .oauth2ResourceServer(server -> server
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(token -> new JwtAuthenticationToken(token,
                                Caller.roles(token.getClaims()).stream()
                                        .map(r -> new SimpleGrantedAuthority("ROLE_" + r.name())).toList(),
                                Caller.of(token).id())))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems)
                        .withObjectPostProcessor(new ObjectPostProcessor<BearerTokenAuthenticationFilter>() {
                            @Override
                            public <O extends BearerTokenAuthenticationFilter> O postProcess(O filter) {
                                filter.setAuthenticationFailureHandler(problems);
                                return filter;
                            }
                        }))
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems));
        for (InSecurityChain concern : inChain) {
            http.addFilterAfter(concern.filter(), SecurityContextHolderFilter.class);
        }
        return http.build();
    }
}
