package io.gridloop.platform.audit;

import io.gridloop.platform.lease.Leases;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Clock;
import java.time.Duration;

/** The audit trail and its query endpoint, in every service with an API. */
@Configuration(proxyBeanMethods = false)
@Import(AuditController.class)
public class AuditConfiguration {

    @Bean
    AuditTrail auditTrail(MongoTemplate mongo, MeterRegistry meters) {
        return new AuditTrail(mongo, meters);
    }

    @Bean
    AuditRetention auditRetention(MongoTemplate mongo, Leases leases, Clock clock,
                                  @Value("${gridloop.audit.retention:400d}") Duration retention) {
        return new AuditRetention(mongo, leases, clock, retention);
    }
}
