package io.gridloop.platform.lease;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Clock;
import java.util.UUID;

/** {@link Leases} for every service with a database; leases are given back when the service stops. */
@AutoConfiguration(afterName = "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration")
@ConditionalOnBean(MongoTemplate.class)
public class GridloopLeaseAutoConfiguration {

    /**
     * The holder is this instance as its address says — service, host, port — so an instance that crashed and
     * came back on the same host and port takes its leases back at once instead of waiting for them to run out;
     * another instance elsewhere takes them over when they do. On a random port the process id stands in.
     */
    @Bean(destroyMethod = "releaseAll")
    Leases leases(MongoTemplate mongo, Clock clock, @Value("${spring.application.name:gridloop}") String service,
                  @Value("${server.port:8080}") int port, MeterRegistry meters) {
        String host = System.getenv().getOrDefault("HOSTNAME", "localhost");
        String instance = port > 0 ? String.valueOf(port)
                : "pid" + ProcessHandle.current().pid() + "-" + UUID.randomUUID().toString().substring(0, 8);
        return new Leases(mongo, clock, service + "@" + host + ":" + instance, meters);
    }
}
