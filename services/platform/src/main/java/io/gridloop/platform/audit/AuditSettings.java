package io.gridloop.platform.audit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.security.web.util.matcher.IpAddressMatcher;

import java.time.Duration;
import java.util.List;

/**
 * What the audit trail records and keeps ({@code gridloop.audit.*}).
 *
 * @param auditedReads      path prefixes of reads recorded like writes: exports and the trail itself (shared
 *                          defaults)
 * @param personalDataReads path prefixes of a service's reads of personal data (reports, 12345 contacts),
 *                          recorded as well (each service's own file)
 * @param trustedProxies    addresses or CIDR ranges of the reverse proxies in front of the service: only their
 *                          {@code X-Forwarded-For} is believed; anyone else's is ignored, since a client can send
 *                          any header it likes
 * @param retention         how long entries are kept (at least 180 days)
 */
@ConfigurationProperties("gridloop.audit")
public record AuditSettings(List<String> auditedReads, List<String> personalDataReads, List<String> trustedProxies,
                            Duration retention) {

    public AuditSettings {
        auditedReads = auditedReads == null ? List.of() : List.copyOf(auditedReads);
        personalDataReads = personalDataReads == null ? List.of() : List.copyOf(personalDataReads);
        trustedProxies = trustedProxies == null ? List.of() : List.copyOf(trustedProxies);
        retention = retention == null ? Duration.ofDays(400) : retention;
    }

    /** Whether a GET of {@code path} (as the application serves it) is recorded. */
    public boolean auditedRead(String path) {
        return auditedReads.stream().anyMatch(path::startsWith) || personalDataReads.stream().anyMatch(path::startsWith);
    }

    /**
     * The client a trusted proxy says it forwarded for: the right-most address of {@code X-Forwarded-For} that is
     * not itself a trusted proxy. Null when the peer is not a trusted proxy or sent no header.
     */
    public String clientBehindProxy(String peer, String forwardedFor) {
        if (forwardedFor == null || forwardedFor.isBlank() || !trusted(peer)) {
            return null;
        }
        String[] hops = forwardedFor.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].strip();
            if (!hop.isEmpty() && !trusted(hop)) {
                return hop.length() <= 64 ? hop : hop.substring(0, 64);
            }
        }
        return null;
    }

    private boolean trusted(String address) {
        for (String proxy : trustedProxies) {
            try {
                if (new IpAddressMatcher(proxy).matches(address)) {
                    return true;
                }
            } catch (IllegalArgumentException notAnAddress) {
                return false;
            }
        }
        return false;
    }
}
