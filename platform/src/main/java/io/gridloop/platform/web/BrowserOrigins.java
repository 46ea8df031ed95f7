package io.gridloop.platform.web;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.List;

/**
 * Where gridloop's own pages are served from ({@code gridloop.web.cors.origins}): the workbench and the dashboard
 * (metrics-service) call every service's API straight from the browser, so these origins — and only these — may
 * (CORS). The tokens are bearer tokens, never cookies, so an origin on this list gains nothing without a token.
 *
 * @param origins scheme, host and port of each place the pages are served from, e.g. {@code https://wgh.huhhot.gov.cn}
 */
@ConfigurationProperties("gridloop.web.cors")
public record BrowserOrigins(List<String> origins) {

    public BrowserOrigins {
        origins = origins == null ? List.of() : List.copyOf(origins);
    }
}
