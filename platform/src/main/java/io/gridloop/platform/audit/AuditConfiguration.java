package io.gridloop.platform.audit;

import io.gridloop.platform.lease.Leases;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Clock;

/** The audit trail and its query endpoint, in every service with an API. */
@Configuration(proxyBeanMethods = false)
@Import(AuditController.class)
@EnableConfigurationProperties(AuditSettings.class)
public class AuditConfiguration {

    @Bean
    AuditTrail auditTrail(MongoTemplate mongo, MeterRegistry meters) {
        return new AuditTrail(mongo, meters);
    }

    @Bean
    AuditRetention auditRetention(MongoTemplate mongo, Leases leases, Clock clock, AuditSettings settings) {
        return new AuditRetention(mongo, leases, clock, settings.retention());
    }
}
