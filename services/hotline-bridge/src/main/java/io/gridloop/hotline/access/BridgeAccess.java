package io.gridloop.hotline.access;

import io.gridloop.platform.security.ApiAccess;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static io.gridloop.platform.security.Role.ADMIN;
import static io.gridloop.platform.security.Role.OPERATOR;
import static io.gridloop.platform.security.Role.names;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;

/**
 * The 12345 platform signs its calls with HMAC (checked by {@code HotlineSignatureCheck}), not with our realm's
 * tokens; everything else of the bridge is for the dispatch centre (lookups) and administrators (the outbox).
 */
@Configuration(proxyBeanMethods = false)
class BridgeAccess {

    @Bean
    ApiAccess bridgeEndpoints() {
        return rules -> rules
                .requestMatchers(POST, "/api/v1/hotline/orders", "/api/v1/hotline/orders/*/visits",
                        "/api/v1/hotline/orders/*/extension-decisions").permitAll()
                .requestMatchers(GET, "/api/v1/hotline/orders/*", "/api/v1/hotline/cases/*",
                        "/api/v1/hotline/cases/*/syncs")
                .hasAnyRole(names(OPERATOR, ADMIN))
                .requestMatchers(GET, "/api/v1/hotline/outbox", "/api/v1/hotline/outbox/dead-letters")
                .hasRole(ADMIN.name())
                .requestMatchers(POST, "/api/v1/hotline/outbox/dead-letters/*/retry").hasRole(ADMIN.name());
    }
}
