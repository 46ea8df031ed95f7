package io.gridloop.platform.photo;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.MongoDatabaseFactory;

import java.time.Clock;

/** Photo storage and its API, for the services that take photos ({@code gridloop.photos.enabled=true}). */
@AutoConfiguration
@ConditionalOnProperty(name = "gridloop.photos.enabled", havingValue = "true")
@EnableConfigurationProperties(PhotoSettings.class)
@Import(PhotoController.class)
public class GridloopPhotoAutoConfiguration {

    @Bean
    PhotoStore photoStore(MongoDatabaseFactory mongo, PhotoSettings settings, Clock clock) {
        return new PhotoStore(mongo, settings, clock);
    }
}
