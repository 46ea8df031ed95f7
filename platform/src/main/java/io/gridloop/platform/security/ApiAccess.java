package io.gridloop.platform.security;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * A service's own endpoint rules: which roles may call which paths. Every path a service serves must be named
 * by one; whatever no rule names is refused. Area and unit checks, which need the data, stay in the service.
 */
@FunctionalInterface
public interface ApiAccess {

    void rules(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules);
}
