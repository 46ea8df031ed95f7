package io.gridloop.platform.audit;

import org.springframework.security.web.util.matcher.IpAddressMatcher;

import java.util.List;

/**
 * The reverse proxies whose {@code X-Forwarded-For} the audit trail believes ({@code gridloop.audit.trusted-proxies}:
 * addresses or CIDR ranges), parsed once: a client can send any header it likes, so anyone else's is ignored.
 */
final class TrustedProxies {

    private final List<IpAddressMatcher> proxies;

    /** @throws IllegalStateException at start, for an entry that is neither an address nor a range */
    TrustedProxies(List<String> addresses) {
        this.proxies = addresses.stream().map(TrustedProxies::matcher).toList();
    }

    private static IpAddressMatcher matcher(String address) {
        try {
            return new IpAddressMatcher(address);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("gridloop.audit.trusted-proxies: " + address
                    + " is not an address or CIDR range (不是合法的地址或网段)", e);
        }
    }

    /**
     * The client a trusted proxy says it forwarded for: the right-most address of {@code X-Forwarded-For} that is
     * not itself a trusted proxy. Null when the peer is not a trusted proxy or sent no header.
     */
    String clientBehind(String peer, String forwardedFor) {
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
        try {
            return proxies.stream().anyMatch(p -> p.matches(address));
        } catch (IllegalArgumentException notAnAddress) {
            // A hop such as "unknown" or a host name: not one of ours.
            return false;
        }
    }
}
