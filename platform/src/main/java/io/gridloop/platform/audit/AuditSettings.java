package io.gridloop.platform.audit;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.List;

/**
 * What the audit trail records and keeps ({@code gridloop.audit.*}).
 *
 * @param auditedReads      path prefixes of reads recorded like writes: exports and the trail itself (shared
 *                          defaults)
 * @param personalDataReads path prefixes of a service's reads of personal data (reports, 12345 contacts),
 *                          recorded as well (each service's own file)
 * @param trustedProxies    addresses or CIDR ranges of the reverse proxies in front of the service
 *                          ({@link TrustedProxies})
 * @param retention         how long entries are kept (at least 180 days)
 * @param pruneInterval     how often one instance deletes what is older than that
 */
@ConfigurationProperties("gridloop.audit")
public record AuditSettings(List<String> auditedReads, List<String> personalDataReads, List<String> trustedProxies,
                            Duration retention, Duration pruneInterval) {

    public AuditSettings {
        auditedReads = auditedReads == null ? List.of() : List.copyOf(auditedReads);
        personalDataReads = personalDataReads == null ? List.of() : List.copyOf(personalDataReads);
        trustedProxies = trustedProxies == null ? List.of() : List.copyOf(trustedProxies);
        retention = retention == null ? Duration.ofDays(400) : retention;
        pruneInterval = pruneInterval == null ? Duration.ofHours(6) : pruneInterval;
    }

    /** Whether a GET of {@code path} (as the application serves it) is recorded. */
    public boolean auditedRead(String path) {
        return auditedReads.stream().anyMatch(path::startsWith) || personalDataReads.stream().anyMatch(path::startsWith);
    }
}
