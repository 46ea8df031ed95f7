package io.gridloop.platform.mongo;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;

/** Health of the service's database that works against MongoDB and the embedded MongoDB-wire server alike. */
@AutoConfiguration(after = DataMongoAutoConfiguration.class)
public class GridloopMongoAutoConfiguration {

    /** Named so it reports as {@code mongo}, where Boot's (disabled) indicator would have. */
    @Bean
    @ConditionalOnBean(MongoTemplate.class)
    MongoPingHealthIndicator mongoHealthIndicator(MongoTemplate mongo) {
        return new MongoPingHealthIndicator(mongo);
    }
}
