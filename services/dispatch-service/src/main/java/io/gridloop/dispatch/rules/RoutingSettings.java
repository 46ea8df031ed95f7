package io.gridloop.dispatch.rules;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * @param reloadInterval how often each instance looks for a version of the routing rules stored through another
 *                       (a change made through itself takes effect at once)
 */
@ConfigurationProperties("gridloop.dispatch.routing")
public record RoutingSettings(Duration reloadInterval) {

    public RoutingSettings {
        reloadInterval = reloadInterval == null ? Duration.ofSeconds(30) : reloadInterval;
    }
}
