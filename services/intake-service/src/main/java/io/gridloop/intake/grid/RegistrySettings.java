package io.gridloop.intake.grid;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * @param seed                  a registry file imported when the registry is empty (the demo registry of Hohhot
 *                              in the local stack); empty: start with an empty registry and import through the API
 * @param reloadInterval        how often each instance re-reads the registry others may have changed
 * @param republishRetry        how soon a registry whose publication to Kafka failed is published again
 * @param nearCentroidMetres    a report's position must lie this close to its grid's centre when the grid has
 *                              only a centre
 * @param nearOutlineMetres     or this close to its outline when it has one, if not inside
 */
@ConfigurationProperties("gridloop.intake.registry")
public record RegistrySettings(String seed, Duration reloadInterval, Duration republishRetry,
                               Integer nearCentroidMetres, Integer nearOutlineMetres) {

    public RegistrySettings {
        seed = seed == null ? "" : seed;
        reloadInterval = reloadInterval == null ? Duration.ofSeconds(60) : reloadInterval;
        republishRetry = republishRetry == null ? Duration.ofSeconds(60) : republishRetry;
        nearCentroidMetres = nearCentroidMetres == null ? 2_000 : nearCentroidMetres;
        nearOutlineMetres = nearOutlineMetres == null ? 300 : nearOutlineMetres;
    }
}
