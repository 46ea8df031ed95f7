package io.gridloop.platform.catalogue;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param location a city's own sub-category catalogue (e.g. {@code file:/etc/gridloop/sub-categories.json});
 *                 empty: the one shipped with the contracts
 */
@ConfigurationProperties("gridloop.catalogue")
public record CatalogueSettings(String location) {

    public CatalogueSettings {
        location = location == null ? "" : location.strip();
    }
}
