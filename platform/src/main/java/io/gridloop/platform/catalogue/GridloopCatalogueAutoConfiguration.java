package io.gridloop.platform.catalogue;

import io.gridloop.contracts.catalogue.SubCategoryCatalogue;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The sub-category catalogue every service reads the same way: the one shipped with the contracts, or a city's
 * own file named by {@code gridloop.catalogue.location} (e.g. {@code file:/etc/gridloop/sub-categories.json}).
 * An invalid file stops the service at start-up rather than misfiling reports.
 */
@AutoConfiguration
@EnableConfigurationProperties(CatalogueSettings.class)
public class GridloopCatalogueAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    SubCategoryCatalogue subCategoryCatalogue(CatalogueSettings settings, ResourceLoader loader) {
        String location = settings.location();
        if (location.isBlank()) {
            return SubCategoryCatalogue.shipped();
        }
        Resource resource = loader.getResource(location);
        try (InputStream in = resource.getInputStream()) {
            return SubCategoryCatalogue.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the sub-category catalogue " + location, e);
        }
    }
}
