package io.gridloop.platform.web;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param contentSecurityPolicy for a service that serves pages (the workbench's): what they may load and talk to,
 *                              sent as {@code Content-Security-Policy}; empty for the APIs
 */
@ConfigurationProperties("gridloop.web")
public record PageSettings(String contentSecurityPolicy) {

    public PageSettings {
        contentSecurityPolicy = contentSecurityPolicy == null ? "" : contentSecurityPolicy.strip();
    }
}
