package io.gridloop.platform.audit;

import io.gridloop.platform.lease.Leases;
import io.gridloop.platform.security.ApiAccess;
import io.gridloop.platform.security.InSecurityChain;
import io.gridloop.platform.security.Role;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpMethod;

import java.time.Clock;

/**
 * The audit trail, its retention and its query endpoint, in every service with an API: every request passes the
 * audit filter inside the security chain, refused ones included.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Import(AuditController.class)
@EnableConfigurationProperties(AuditSettings.class)
public class GridloopAuditAutoConfiguration {

    @Bean
    AuditTrail auditTrail(MongoTemplate mongo, MeterRegistry meters) {
        return new AuditTrail(mongo, meters);
    }

    @Bean
    AuditRetention auditRetention(MongoTemplate mongo, Leases leases, Clock clock, AuditSettings settings) {
        return new AuditRetention(mongo, leases, clock, settings.retention(), settings.pruneInterval());
    }

    @Bean
    InSecurityChain auditFilter(AuditTrail trail, AuditSettings settings, Clock clock, MeterRegistry meters,
                                @Value("${spring.application.name:gridloop}") String service) {
        return () -> new AuditFilter(trail, settings, service, clock, meters);
    }

    /** The trail is the administrators' to read. */
    @Bean
    ApiAccess auditAccess() {
        return rules -> rules.requestMatchers(HttpMethod.GET, "/api/v1/admin/audit").hasRole(Role.ADMIN.name());
    }
}
